# expect-line: 3
	.text
	xchgq	%rax, %rsp
