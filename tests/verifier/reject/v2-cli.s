# expect: V2 forbidden
# why: interrupt flag change (I/O privilege)
	.text
	.bundle_align_mode 5
	cli
	int3
