# expect-line: 8
# the consumer is in a block also reached from elsewhere (.L3 is jumped to
# from two places): rewriting it would break the other path
	.text
	testq	%rdx, %rdx
	je	.L3
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	jmp	.L3
	nop
.L3:
	setl	%al
	ret
