# expect-line: 7
# the consumer is before the write, reached again through the loop and
# also from the entry (with the compare's flags)
	.text
	cmpq	%rsi, %rdi
.L1:	setl	%al
	movq	%rbx, %rsp
	jmp	.L1
