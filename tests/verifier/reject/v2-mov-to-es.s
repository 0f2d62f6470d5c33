# expect: V2 forbidden
# why: segment-register load
	.text
	.bundle_align_mode 5
	movw %ax, %es
	int3
