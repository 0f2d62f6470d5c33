# expect-line: 4
# an instruction between the leaq and the call
	.text
	leaq stv@tlsld(%rip), %rdi
	movl	$1, %esi
	call	*__tls_get_addr@GOTPCREL(%rip)
	ret
