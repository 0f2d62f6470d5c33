# expect: V2 isa-set
# why: privileged
	.text
	.bundle_align_mode 5
	lmsw %ax
	int3
