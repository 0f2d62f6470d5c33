# A jump to a name that .set/.equ/= defines as a label inside a function
# (not a function entry) is followed like a jump to that label: the flags
# live across the M4 are saved for the consumer there. (Taking such a
# jump for a tail call left jl reading the flags M4 clobbered.)
# expect: cmpq %rsi,%rdi | setl %r11b | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b | jmp alias
# expect: .L1: | jne .L2
# expect: cmpq %rsi,%rdx | setb %r11b | .bundle_lock | movl %ebp,%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b | popq %rbp | jmp chain
# expect: .L3: | setne %al
# expect: cmpq %rsi,%rcx | setg %r11b | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b | jmp num
# expect: 1: | cmovnel %ecx,%eax
	.text
	.globl	f
	.type	f, @function
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

# an `=` alias of an .equ alias, a conditional consumer
	.globl	g
	.type	g, @function
g:
	cmpq	%rsi, %rdx
	leave
	jmp	chain
chain = middle
	.equ	middle, .L3
	ret
.L3:
	setb	%al
	ret

# an alias of a numeric label instance
	.globl	h
	.type	h, @function
h:
	cmpq	%rsi, %rcx
	movq	%rbx, %rsp
	jmp	num
	.set	num, 1f
	ret
1:	cmovgl	%ecx, %eax
	ret
