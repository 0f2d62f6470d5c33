# expect-line: 5
# pushf reads every flag
	.text
	cmpq	%rsi, %rdi
	leave
	pushfq
	ret
