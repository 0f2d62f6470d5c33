# expect-line: 5
# lahf reads SF ZF AF PF CF
	.text
	cmpq	%rsi, %rdi
	leaq	-8(%rbp), %rsp
	lahf
	ret
