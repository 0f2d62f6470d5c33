# expect: V2 isa-set
# why: AVX-512 mask registers are not in the allowlist
	.text
	.bundle_align_mode 5
	kmovw %k1, %k2
	int3
