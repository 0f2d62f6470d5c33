# expect: V2 isa-set
# why: MPX is not in the allowlist
	.text
	.bundle_align_mode 5
	bndmov %bnd0, %bnd1
	int3
