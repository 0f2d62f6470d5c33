# expect: V3 memory-operand
# why: atomic add on a raw pointer
	.text
	.bundle_align_mode 5
	lock addq $1, (%rax)
	int3
