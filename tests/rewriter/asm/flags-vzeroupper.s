# vzeroupper and vzeroall leave the flags alone: gcc's AVX stack
# realignment (andq $-32,%rsp ... leave; vzeroupper; ret) is rewritten,
# not refused as if they read the flags the M4 clobbers.
# expect: andl $-32,%esp | orq %r14,%rsp | .bundle_unlock | .bundle_lock | subl $64,%esp
# expect: popq %rbp | vzeroupper
# expect: vzeroall
	.text
	.globl	f
	.type	f, @function
f:
	pushq	%rbp
	movq	%rsp, %rbp
	andq	$-32, %rsp
	subq	$64, %rsp
	vmovaps	%ymm0, (%rsp)
	vmovaps	(%rsp), %ymm0
	leave
	vzeroupper
	ret
	.globl	g
	.type	g, @function
g:
	pushq	%rbp
	movq	%rsp, %rbp
	andq	$-32, %rsp
	vzeroall
	leave
	ret
