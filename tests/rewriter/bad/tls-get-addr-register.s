# expect-line: 4
# the sequence with a call through a register
	.text
	data16 leaq tv@tlsgd(%rip), %rdi
	rex64
	call	*%rax
	ret
