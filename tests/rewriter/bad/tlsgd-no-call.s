# expect-line: 4
# the leaq of a general-dynamic sequence without its __tls_get_addr call
	.text
	data16 leaq tv@tlsgd(%rip), %rdi
	movl	(%rdi), %eax
	ret
