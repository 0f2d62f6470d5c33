# expect: V3 memory-operand
# why: %fs is the host thread pointer
	.text
	.bundle_align_mode 5
	movq %fs:(%rax), %rcx
	int3
