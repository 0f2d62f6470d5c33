# expect-line: 5
# a second M4 clobbers the flags again before the consumer
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	leaq	-8(%rbp), %rsp
	setl	%al
	ret
