# expect: V3 memory-operand
# why: %gs: with 64-bit absolute addressing (no addr32)
	.text
	.bundle_align_mode 5
	movl %gs:0x1000, %eax
	int3
