# expect-line: 4
	.text
f:
	movl	8(%rax,%r11,4), %eax
