# expect-line: 4
# a label between the leaq and the call: something may jump to the call
	.text
	data16 leaq tv@tlsgd(%rip), %rdi
1:	rex64 call *__tls_get_addr@GOTPCREL(%rip)
	ret
