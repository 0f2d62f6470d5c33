# expect-line: 7
# conditional assembly between an M4 and the flags' consumer
	.text
f:
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
.if 0
	jmp	.L2
.endif
	jl	.L1
.L1:
.L2:
	ret
