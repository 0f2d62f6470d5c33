# expect-line: 3
	.text
	foo bar baz
