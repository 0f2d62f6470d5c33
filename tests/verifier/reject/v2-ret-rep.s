# expect: V2 forbidden
# why: AMD-style rep ret is still a return
	.text
	.bundle_align_mode 5
	rep ret
	int3
