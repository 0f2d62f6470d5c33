# expect: V4 writes-r14
# why: rdrand writes %r14
	.text
	.bundle_align_mode 5
	rdrand %r14
	int3
