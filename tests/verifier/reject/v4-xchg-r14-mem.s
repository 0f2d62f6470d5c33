# expect: V4 writes-r14
# why: xchg with memory writes %r14
	.text
	.bundle_align_mode 5
	xchgq %r14, %gs:(%eax)
	int3
