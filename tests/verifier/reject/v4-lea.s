# expect: V4 writes-r14
# why: lea writes its destination
	.text
	.bundle_align_mode 5
	leaq (%rax), %r14
	int3
