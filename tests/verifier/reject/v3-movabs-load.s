# expect: V3 memory-operand
# why: moffs64 absolute address
	.text
	.bundle_align_mode 5
	movabs 0x1234, %al
	int3
