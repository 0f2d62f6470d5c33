# expect-line: 4
	.text
f:
	xlat	%fs:(%rbx)
	ret
