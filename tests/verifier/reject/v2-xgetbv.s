# expect: V2 isa-set
# why: XSAVE ISA set is not in the allowlist
	.text
	.bundle_align_mode 5
	xgetbv
	int3
