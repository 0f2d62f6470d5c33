# expect: V2 isa-set
# why: PKU is not in the allowlist
	.text
	.bundle_align_mode 5
	rdpkru
	int3
