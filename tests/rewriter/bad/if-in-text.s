# expect-line: 7
# conditional assembly in code: the flag analysis would see the dead
# jmp as the end of the block and miss jl reading the flags across the M4
	.text
f:
	cmpq	%rsi, %rdi
.if 0
	jmp	.L2
.endif
	movq	%rbx, %rsp
	jl	.L1
.L1:
.L2:
	ret
