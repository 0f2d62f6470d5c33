# A 64-bit shift masks its count to 6 bits: `shlq $32` writes the flags
# (the 32-bit mask would make the count 0 and the flags unchanged), so
# setl reads the shift's flags, not those live across the M4: nothing
# to save, nothing refused.
# expect: movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | shlq $32,%rax | setl %al
	.text
	.globl	f
	.type	f, @function
f:
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	shlq	$32, %rax
	setl	%al
	ret
