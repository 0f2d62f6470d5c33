# expect: V2 isa-set
# why: AVX-512 scatters write through VSIB addresses
	.text
	.bundle_align_mode 5
	vpscatterdd %zmm0, %gs:(%eax,%zmm1,4){%k1}
	int3
