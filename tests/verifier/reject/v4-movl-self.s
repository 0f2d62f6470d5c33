# expect: V4 writes-r14
# why: even a self-move of %r14d zeroes the upper half
	.text
	.bundle_align_mode 5
	movl %r14d, %r14d
	int3
