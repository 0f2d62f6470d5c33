# expect: V4 writes-r14
# why: AVX move into %r14
	.text
	.bundle_align_mode 5
	vmovq %xmm0, %r14
	int3
