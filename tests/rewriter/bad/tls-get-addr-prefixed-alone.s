# expect-line: 6
# the padding without the leaq
	.text
	.byte 0x66
	rex64
	call	__tls_get_addr@PLT
	ret
