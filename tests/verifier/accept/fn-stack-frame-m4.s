# accept: whole function: stack frame with M4 subl/addl
	.text
	.bundle_align_mode 5
	.globl framed
	.type framed, @function
	.p2align 5
framed:
	pushq %rbx
	.bundle_lock
	subl $64, %esp
	orq %r14, %rsp
	.bundle_unlock
	movq %rdi, (%rsp)
	movq %rsi, 8(%rsp)
	leaq 16(%rsp), %rdi
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call fill
	.bundle_unlock
	movq (%rsp), %rax
	addq 16(%rsp), %rax
	.bundle_lock
	addl $64, %esp
	orq %r14, %rsp
	.bundle_unlock
	popq %rbx
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
