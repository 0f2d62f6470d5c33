# expect-line: 5
# repetition in code: the rewrite of each copy is not what gas repeats
	.text
f:
.rept 2
	jl	.L1
.endr
.L1:
	ret
