# expect-line: 4
	.text
f:
	addl	%r14d, %eax
	ret
