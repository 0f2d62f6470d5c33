# expect-line: 4
# the leaq is the last statement
	.text
	leaq tv@tlsgd(%rip), %rdi
