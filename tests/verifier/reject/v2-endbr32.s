# expect: V2 isa-set
# why: CET is not in the allowlist
	.text
	.bundle_align_mode 5
	endbr32
	int3
