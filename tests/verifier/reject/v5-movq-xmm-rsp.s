# expect: V5 writes-rsp
# why: SSE move to %rsp
	.text
	.bundle_align_mode 5
	movq %xmm0, %rsp
	int3
