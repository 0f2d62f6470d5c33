# expect: V2 isa-set
# why: MONITOR is not in the allowlist
	.text
	.bundle_align_mode 5
	mwait
	int3
