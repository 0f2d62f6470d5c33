# expect-line: 3
	.text
	int	$0x80
