# expect-line: 4
	.text
	rep
1:	stosq
