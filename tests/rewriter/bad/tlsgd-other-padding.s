# expect-line: 4
# padding that is not gcc's (.byte 0x67 would become part of the code)
	.text
	data16 leaq tv@tlsgd(%rip), %rdi
	.byte 0x67
	call	*__tls_get_addr@GOTPCREL(%rip)
	ret
