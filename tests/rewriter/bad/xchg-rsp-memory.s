# expect-line: 3
	.text
	xchgq	%rsp, (%rax)
