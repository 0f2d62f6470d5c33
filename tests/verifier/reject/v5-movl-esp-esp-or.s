# expect: V5 writes-rsp
# why: M4 with X = %rsp is not allowed
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %esp, %esp
	orq %r14, %rsp
	.bundle_unlock
	int3
