# expect: V4 writes-r14
# why: AVX mask extraction into %r14d
	.text
	.bundle_align_mode 5
	vmovmskps %ymm0, %r14d
	int3
