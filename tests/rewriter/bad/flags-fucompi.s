# expect-line: 7
# fucompi (GNU as's fucomip, df e9) writes ZF PF CF between the M4 and
# jl (OF SF: cleared or kept, may-write)
	.text
f:
	cmpq	%rsi, %rdi
	leave
	fucompi	%st(1), %st
	jl	.L1
	ret
.L1:
	ret
