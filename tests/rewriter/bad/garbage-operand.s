# expect-line: 4
	.text
f:
	movl	(%rax,%rbx,,%ecx
