# expect-line: 4
# x@tlsgd anywhere but in the leaq of the sequence
	.text
	movq tv@tlsgd(%rip), %rax
	ret
