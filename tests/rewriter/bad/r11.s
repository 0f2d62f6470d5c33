# expect-line: 5
	.text
f:
	movq	%rax, %rbx
	movq	%r11, %rax
	ret
