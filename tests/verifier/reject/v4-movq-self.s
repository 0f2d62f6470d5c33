# expect: V4 writes-r14
# why: no instruction may write %r14, even with its own value
	.text
	.bundle_align_mode 5
	movq %r14, %r14
	int3
