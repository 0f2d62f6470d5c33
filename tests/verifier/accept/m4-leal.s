# accept: M4: leal m,%esp
	.text
	.bundle_align_mode 5
	.bundle_lock
	leal -64(%rsp), %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	leal 8(%rbp), %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	leal (%rax,%rbx,2), %esp
	orq %r14, %rsp
	.bundle_unlock
	int3
