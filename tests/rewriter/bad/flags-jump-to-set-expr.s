# expect-line: 7
# expect-message: reach code the rewriter cannot follow at line 8 (jmp alias): movq %rbx, %rsp
# a name defined as an expression other than one symbol is out of sight
# (the rewriter does not evaluate .L1+0)
	.text
f:
	movq	%rbx, %rsp
	jmp	alias
	.set	alias, .L1+0
	ret
.L1:
	jl	.L2
.L2:
	ret
