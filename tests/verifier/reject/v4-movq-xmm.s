# expect: V4 writes-r14
# why: SSE move to %r14
	.text
	.bundle_align_mode 5
	movq %xmm0, %r14
	int3
