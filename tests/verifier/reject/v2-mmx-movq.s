# expect: V2 isa-set
# why: MMX register loads are not in the allowlist
	.text
	.bundle_align_mode 5
	movq %gs:(%eax), %mm0
	int3
