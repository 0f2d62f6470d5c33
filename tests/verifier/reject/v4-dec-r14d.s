# expect: V4 writes-r14
# why: 32-bit dec writes %r14d
	.text
	.bundle_align_mode 5
	decl %r14d
	int3
