# expect: V2 isa-set
# why: CLFLUSHOPT is not in the allowlist
	.text
	.bundle_align_mode 5
	clflushopt %gs:(%eax)
	int3
