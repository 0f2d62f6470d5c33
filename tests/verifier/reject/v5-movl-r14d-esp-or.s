# expect: V5 writes-rsp
# why: M4 with X = %r14 is not allowed
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %r14d, %esp
	orq %r14, %rsp
	.bundle_unlock
	int3
