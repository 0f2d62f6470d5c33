# expect-line: 5
# a call of __tls_get_addr that is not part of a GD/LD sequence
	.text
	movq	%rbx, %rdi
	call	*__tls_get_addr@GOTPCREL(%rip)
	ret
