# expect: V2 isa-set
# why: RDPID is not in the allowlist
	.text
	.bundle_align_mode 5
	rdpid %rax
	int3
