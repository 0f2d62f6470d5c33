# expect: V3 memory-operand
# why: (%r14d) without %gs addresses low host memory
	.text
	.bundle_align_mode 5
	movl (%r14d), %eax
	int3
