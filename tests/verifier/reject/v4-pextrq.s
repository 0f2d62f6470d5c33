# expect: V4 writes-r14
# why: SSE4.1 extract to %r14
	.text
	.bundle_align_mode 5
	pextrq $1, %xmm0, %r14
	int3
