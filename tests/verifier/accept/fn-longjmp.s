# accept: whole function: longjmp restoring %rsp through M4 and jumping through M1
	.text
	.bundle_align_mode 5
	.globl longjmp
	.type longjmp, @function
	.p2align 5
longjmp:
	movl %esi, %eax
	movq %gs:(%edi), %rbx
	movq %gs:8(%edi), %rbp
	movq %gs:16(%edi), %r12
	movq %gs:24(%edi), %r13
	movq %gs:40(%edi), %r15
	movq %gs:48(%edi), %rdx
	.bundle_lock
	movl %edx, %esp
	orq %r14, %rsp
	.bundle_unlock
	movq %gs:56(%edi), %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
