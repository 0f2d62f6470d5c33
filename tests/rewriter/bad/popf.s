# expect-line: 3
	.text
	popfq
