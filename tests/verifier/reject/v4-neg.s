# expect: V4 writes-r14
# why: neg writes %r14
	.text
	.bundle_align_mode 5
	negq %r14
	int3
