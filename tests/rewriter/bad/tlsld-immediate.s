# expect-line: 4
# x@tlsld in an immediate
	.text
	movq $stv@TLSLD, %rax
	ret
