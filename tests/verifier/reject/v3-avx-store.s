# expect: V3 memory-operand
# why: AVX store through a raw pointer
	.text
	.bundle_align_mode 5
	vmovdqu %ymm0, (%rdi)
	int3
