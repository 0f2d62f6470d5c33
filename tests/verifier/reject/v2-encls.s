# expect: V2 isa-set
# why: SGX is not in the allowlist
	.text
	.bundle_align_mode 5
	encls
	int3
