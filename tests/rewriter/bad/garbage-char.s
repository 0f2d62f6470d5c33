# expect-line: 3
	.text
	movl	?%eax, %ecx
