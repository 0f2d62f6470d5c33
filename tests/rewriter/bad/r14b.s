# expect-line: 3
	.text
	movb	$1, %r14b
