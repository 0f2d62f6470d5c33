# expect-line: 6
# gcc's padding without the leaq: a prefixed branch
	.text
	.byte 0x66
	rex64
	call	__tls_get_addr@PLT
	ret
