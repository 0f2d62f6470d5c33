# expect-line: 3
	.text
	movl	%foo, %eax
