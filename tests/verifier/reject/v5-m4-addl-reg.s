# expect: V5 writes-rsp
# why: M4 addl takes only an immediate
	.text
	.bundle_align_mode 5
	.bundle_lock
	addl %eax, %esp
	orq %r14, %rsp
	.bundle_unlock
	int3
