# expect-line: 5
# bytes in code: an instruction the rewriter cannot see may read flags
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	.byte	0x0f, 0x9c, 0xc0
	ret
