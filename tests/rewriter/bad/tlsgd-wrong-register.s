# expect-line: 4
# the argument of __tls_get_addr is %rdi
	.text
	leaq tv@tlsgd(%rip), %rsi
	call	*__tls_get_addr@GOTPCREL(%rip)
	ret
