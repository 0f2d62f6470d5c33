# expect-line: 7
# expect-message: reach code the rewriter cannot follow at line 8 (jmp alias)
# a name defined twice by .set: which value the jump sees is out of sight
	.text
	.type	fn, @function
f:
	movq	%rbx, %rsp
	jmp	alias
	.set	alias, fn
	.set	alias, .L1
	ret
.L1:
	jl	.L2
.L2:
fn:
	ret
