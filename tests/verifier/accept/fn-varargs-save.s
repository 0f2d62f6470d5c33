# accept: whole function: varargs register save area on the stack
	.text
	.bundle_align_mode 5
	.globl va_start_like
	.type va_start_like, @function
	.p2align 5
va_start_like:
	.bundle_lock
	subl $216, %esp
	orq %r14, %rsp
	.bundle_unlock
	movq %rsi, 8(%rsp)
	movq %rdx, 16(%rsp)
	movq %rcx, 24(%rsp)
	movq %r8, 32(%rsp)
	movq %r9, 40(%rsp)
	testb %al, %al
	je 1f
	movaps %xmm0, 48(%rsp)
	movaps %xmm1, 64(%rsp)
	movaps %xmm7, 160(%rsp)
1:
	.bundle_lock
	addl $216, %esp
	orq %r14, %rsp
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
