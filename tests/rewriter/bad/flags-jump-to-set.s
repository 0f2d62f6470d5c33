# expect-line: 8
# expect-message: are read in code also reached from elsewhere at line 14 (jl .L2): movq %rbx, %rsp
# a jump to a name defined by .set is followed to the label it names (no
# tail call: .L1 is inside the function); alias is also named by lea, so
# .L1 may be entered from elsewhere and the consumer cannot be rewritten
	.text
f:
	movq	%rbx, %rsp
	jmp	alias
	.set	alias, .L1
	leaq	alias(%rip), %rax
	ret
.L1:
	jl	.L2
.L2:
	ret
