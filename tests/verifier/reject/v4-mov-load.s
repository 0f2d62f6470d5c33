# expect: V4 writes-r14
# why: loads the base from sandbox memory
	.text
	.bundle_align_mode 5
	movq %gs:(%eax), %r14
	int3
