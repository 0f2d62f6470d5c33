# expect: V4 writes-r14
# why: xadd writes its destination
	.text
	.bundle_align_mode 5
	xaddq %rax, %r14
	int3
