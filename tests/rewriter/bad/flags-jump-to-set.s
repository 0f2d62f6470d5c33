# expect-line: 6
# a jump to a name defined by .set is no tail call: it may be a label here
	.text
f:
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	jmp	alias
	.set	alias, .L1
	ret
.L1:
	jl	.L2
.L2:
	ret
