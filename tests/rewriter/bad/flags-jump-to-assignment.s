# expect-line: 7
# expect-message: are read in code also reached from elsewhere at line 12 (jl .L2)
# a jump to a name defined by `=` is followed to the label it names (no
# tail call: .L1 is inside the function), which code before it falls into
	.text
f:
	movq	%rbx, %rsp
	jmp	alias
alias = .L1
	incq	%rax
.L1:
	jl	.L2
.L2:
	ret
