# expect: V2 isa-set
# why: AVX2 gathers: VSIB addresses escape the 32-bit G form
	.text
	.bundle_align_mode 5
	vpgatherdd %ymm2, %gs:(%eax,%ymm1,4), %ymm0
	int3
