# expect-line: 3
	.text
	movq	%fs:(%rax), %rcx
