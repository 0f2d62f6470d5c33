# expect-line: 7
# expect-message: are read for two different conditions at line 9 (setb %cl)
# the live flags are read for two different conditions: one %r11b is not
# enough
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	setl	%al
	setb	%cl
	ret
