# expect-line: 4
# the call is not __tls_get_addr
	.text
	data16 leaq tv@tlsgd(%rip), %rdi
	.value 0x6666
	rex64
	call	*my_get_addr@GOTPCREL(%rip)
	ret
