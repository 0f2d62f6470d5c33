# expect: V3 memory-operand
# why: stack-protector check reading the host canary
	.text
	.bundle_align_mode 5
	subq %fs:40, %rdx
	int3
