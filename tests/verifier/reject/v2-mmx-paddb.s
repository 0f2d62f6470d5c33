# expect: V2 isa-set
# why: MMX register instructions are not in the allowlist
	.text
	.bundle_align_mode 5
	paddb %mm0, %mm1
	int3
