# expect: V2 isa-set
# why: RTM is not in the allowlist
	.text
	.bundle_align_mode 5
	xtest
	int3
