# expect: V4 writes-r14
# why: zeroes the base
	.text
	.bundle_align_mode 5
	xorl %r14d, %r14d
	int3
