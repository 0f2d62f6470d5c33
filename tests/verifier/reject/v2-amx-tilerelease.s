# expect: V2 isa-set
# why: AMX is not in the allowlist
	.text
	.bundle_align_mode 5
	tilerelease
	int3
