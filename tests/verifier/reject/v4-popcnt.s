# expect: V4 writes-r14
# why: popcnt writes %r14
	.text
	.bundle_align_mode 5
	popcntq %rax, %r14
	int3
