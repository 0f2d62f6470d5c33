# expect-line: 4
# `.+N` counts bytes the rewrite changes
	.text
	jmp	.+7
