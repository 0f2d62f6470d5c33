# expect: V2 forbidden
# why: segment-register load (and it masks interrupts for one instruction)
	.text
	.bundle_align_mode 5
	movw %ax, %ss
	int3
