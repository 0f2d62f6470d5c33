# accept: whole function: %rbp frame, locals through %gs:(%ebp), leave as M4 movl
	.text
	.bundle_align_mode 5
	.globl rbpframe
	.type rbpframe, @function
	.p2align 5
rbpframe:
	pushq %rbp
	movq %rsp, %rbp
	.bundle_lock
	subl $32, %esp
	orq %r14, %rsp
	.bundle_unlock
	movl %edi, %gs:-4(%ebp)
	movq %rsi, %gs:-16(%ebp)
	movl %gs:-4(%ebp), %eax
	addq %gs:-16(%ebp), %rax
	.bundle_lock
	movl %ebp, %esp
	orq %r14, %rsp
	.bundle_unlock
	popq %rbp
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
