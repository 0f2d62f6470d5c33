# expect-line: 6
# a switch into code inside a repetition begun in data
	.data
	.rept	2
	.byte	0
	.text
	nop
	.data
	.endr
