# expect: V2 isa-set
# why: AVX-512 is not in the allowlist
	.text
	.bundle_align_mode 5
	vpaddd %zmm0, %zmm1, %zmm2
	int3
