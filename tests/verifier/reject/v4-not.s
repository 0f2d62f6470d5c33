# expect: V4 writes-r14
# why: not writes %r14
	.text
	.bundle_align_mode 5
	notq %r14
	int3
