# expect-line: 3
	.text
	popq	%rsp
