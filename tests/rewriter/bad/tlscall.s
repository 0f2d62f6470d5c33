# expect-line: 4
# TLS descriptors (-mtls-dialect=gnu2) are not rewritten yet
	.text
	call	*x@TLSCALL(%rax)
