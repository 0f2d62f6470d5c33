# expect: V4 writes-r14
# why: lzcnt writes %r14
	.text
	.bundle_align_mode 5
	lzcntq %rax, %r14
	int3
