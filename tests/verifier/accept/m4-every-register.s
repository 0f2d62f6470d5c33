# accept: M4 movl form from every allowed register
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %eax, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %ecx, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %edx, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %ebx, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %ebp, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %esi, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %edi, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r8d, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r9d, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r10d, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r11d, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r12d, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r13d, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %r15d, %esp
	orq %r14, %rsp
	.bundle_unlock
	int3
