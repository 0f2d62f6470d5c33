# expect: V2 isa-set
# why: AVX2 gathers are excluded
	.text
	.bundle_align_mode 5
	vpgatherqq %ymm2, %gs:(,%ymm1,1), %ymm0
	int3
