# expect-line: 3
	.text
	std
	movl	%eax, %ecx
	cld
