# expect: V3 memory-operand
# why: x87 load from a raw pointer
	.text
	.bundle_align_mode 5
	fldl (%rax)
	int3
