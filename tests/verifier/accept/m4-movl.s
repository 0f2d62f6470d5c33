# accept: M4: movl %eX,%esp; orq %r14,%rsp
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %eax, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r11d, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %ebp, %esp
	addq %r14, %rsp
	.bundle_unlock
	int3
