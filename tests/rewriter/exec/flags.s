# Flags live across flag-preserving writes of %rsp (run by harness.c in a
# sandbox): without saving them around M4 every result is constant.
	.section sbx,"ax",@progbits

# long less_mov(long a, long b): a < b, read by setl after movq %rbx,%rsp
	.globl	less_mov
	.type	less_mov, @function
less_mov:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	movq	%rsp, %rbx
	subq	$64, %rsp
	movq	%rdi, 8(%rsp)
	xorl	%eax, %eax
	cmpq	%rsi, 8(%rsp)
	movq	%rbx, %rsp
	setl	%al
	movq	-8(%rbp), %rbx
	addq	$8, %rsp
	popq	%rbp
	ret

# long below_leave(long a, long b): a <u b ? 1 : 2, read by cmovb after leave
	.globl	below_leave
	.type	below_leave, @function
below_leave:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$32, %rsp
	movl	$2, %eax
	movl	$1, %ecx
	cmpq	%rsi, %rdi
	leave
	cmovbq	%rcx, %rax
	ret

# long ge_lea(long a, long b): a >= b ? 11 : 1; jl and its negation setge
# in the fall-through, setl at the target (both reached only from here)
	.globl	ge_lea
	.type	ge_lea, @function
ge_lea:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$48, %rsp
	cmpq	%rsi, %rdi
	leaq	0(%rbp), %rsp
	jl	1f
	setge	%al
	movzbl	%al, %eax
	addq	$10, %rax
	popq	%rbp
	ret
1:	setl	%al
	movzbl	%al, %eax
	popq	%rbp
	ret

# long less_load(long a, long b): a < b, read by setl after movq mem,%rsp
# (rewritten through %r11, which then carries the condition as well)
	.globl	less_load
	.type	less_load, @function
less_load:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$16, %rsp
	movq	%rsp, (%rsp)
	subq	$64, %rsp
	xorl	%eax, %eax
	cmpq	%rsi, %rdi
	movq	-16(%rbp), %rsp
	setl	%al
	leave
	ret

# long less_enter0(long a, long b): a < b, read by jl after enter $0,$0
# (push/mov only, no M4: the flags are the input's, nothing to save)
	.globl	less_enter0
	.type	less_enter0, @function
less_enter0:
	xorl	%eax, %eax
	cmpq	%rsi, %rdi
	enter	$0, $0
	jl	1f
	leave
	ret
1:	movl	$1, %eax
	leave
	ret

# long less_enter(long a, long b): a < b, read by setl after enter $40,$0
	.globl	less_enter
	.type	less_enter, @function
less_enter:
	xorl	%eax, %eax
	cmpq	%rsi, %rdi
	enter	$40, $0
	setl	%al
	leave
	ret

# long less_alias(long a, long b): a < b, read by jl at a label reached
# through a .set alias of it after leave (followed, not a tail call)
	.globl	less_alias
	.type	less_alias, @function
less_alias:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$24, %rsp
	xorl	%eax, %eax
	cmpq	%rsi, %rdi
	leave
	jmp	.Lless_alias_at
	.set	.Lless_alias_at, 1f
	ret
1:	jl	2f
	ret
2:	movl	$1, %eax
	ret

	.section .note.GNU-stack,"",@progbits
