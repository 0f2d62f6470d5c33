# every way we rewrite %rsp writes (M4)
	.text
	.globl	stk
	.type	stk, @function
stk:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$4096, %rsp
	andq	$-32, %rsp
	subq	%rax, %rsp
	addq	%rdx, %rsp
	addq	$8, %rsp
	leaq	-16(%rbp), %rsp
	movq	%rbp, %rsp
	movq	8(%rdi), %rsp
	movq	(%rsp), %rax
	movq	16(%rsp,%rcx,8), %rax
	cmpq	%rsp, %rax
	leave
	ret
