# expect: V3 memory-operand
# why: moffs64 absolute store
	.text
	.bundle_align_mode 5
	movabs %rax, 0x7fff00001000
	int3
