# memory operand forms
	.text
	.globl	mem
	.type	mem, @function
mem:
	movl	sym, %eax
	movl	0x1000, %eax
	movl	sym(,%rax,8), %ecx
	movl	sym+8(,%rax,4), %ecx
	movl	-8(%rbp), %eax
	movl	.LC0+8(%rip), %eax
	movq	sym@GOTPCREL(%rip), %rax
	movl	(%rsp,%rax), %eax
	movl	8(%rsp,%rax,4), %eax
	movl	8(%rsp), %eax
	movb	%ah, (%rdi,%rsi)
	movl	%eax, 4(%r8,%r9,2)
	movl	(%ebx), %eax
	pushq	(%rax)
	popq	8(%rax)
	lock addl $1, (%rdi)
	lock cmpxchg16b (%rsi)
	prefetcht0 64(%rdi)
	addsd	(%rax,%rdx,8), %xmm0
	vmovdqu	32(%rcx), %ymm1
	fldt	16(%rsp)
	fadd	%st(1), %st
	fstpt	(%rdi)
	leaq	(%rax,%rbx,2), %rcx
	nopw	0x0(%rax,%rax,1)
	ret
	.section .rodata
.LC0:
	.quad 1, 2
