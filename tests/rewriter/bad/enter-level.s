# expect-line: 4
	.text
f:
	enter	$16, $2
	ret
