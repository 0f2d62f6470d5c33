# expect: V3 memory-operand
# why: 32-bit %esp with index and no %gs
	.text
	.bundle_align_mode 5
	movq 8(%esp,%eax,4), %rcx
	int3
