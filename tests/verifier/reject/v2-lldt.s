# expect: V2 isa-set
# why: privileged
	.text
	.bundle_align_mode 5
	lldt %ax
	int3
