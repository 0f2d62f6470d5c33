# expect-line: 4
# gas encodes the address size of the explicit operands
	.text
	lodsb	(%rsi), %al
