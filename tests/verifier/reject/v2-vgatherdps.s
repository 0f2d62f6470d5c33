# expect: V2 isa-set
# why: AVX2 gathers are excluded
	.text
	.bundle_align_mode 5
	vgatherdps %xmm2, 8(%rsp,%xmm1,8), %xmm0
	int3
