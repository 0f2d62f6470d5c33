# expect-line: 7
# fcompi (GNU as's fcomip, df f1) writes ZF PF CF between the M4 and
# jl (OF SF: cleared or kept, may-write)
	.text
f:
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	fcompi	%st(1), %st
	jl	.L1
	ret
.L1:
	ret
