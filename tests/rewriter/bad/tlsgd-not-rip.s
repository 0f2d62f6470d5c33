# expect-line: 4
# x@tlsgd is a %rip-relative GOT offset
	.text
	leaq tv@tlsgd(%rbx), %rdi
	call	*__tls_get_addr@GOTPCREL(%rip)
	ret
