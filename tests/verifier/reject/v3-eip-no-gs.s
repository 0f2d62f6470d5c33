# expect: V3 memory-operand
# why: (%eip) without %gs is a 32-bit host address
	.text
	.bundle_align_mode 5
	movl 0(%eip), %eax
	int3
