# accept: whole function: alloca with M4 movl
	.text
	.bundle_align_mode 5
	.globl use_alloca
	.type use_alloca, @function
	.p2align 5
use_alloca:
	pushq %rbp
	movq %rsp, %rbp
	movq %rsp, %rax
	subq %rdi, %rax
	andq $-16, %rax
	.bundle_lock
	movl %eax, %esp
	orq %r14, %rsp
	.bundle_unlock
	movq %rsp, %rax
	movb $0, (%rsp)
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
