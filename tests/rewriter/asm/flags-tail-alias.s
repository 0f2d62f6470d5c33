# A jump to a function entry is a tail call: the flags are dead there by
# the ABI, so nothing is saved around the M4 before it, however the name
# is spelled: gcc's identical-code-folding alias (`.set fb,fa` of a
# static function), a global alias (`.globl; .set`), an `=` alias of an
# alias, an alias of a name the file does not define, and the function's
# own name. The callee is not followed: fa reads flags at its entry
# (which the ABI makes meaningless) and is not refused or rewritten.
# expect: subl $24,%esp | orq %r14,%rsp | .bundle_unlock | .bundle_lock | addl $24,%esp | orq %r14,%rsp | .bundle_unlock | jmp fb
# expect: cmpq %rsi,%rdi | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | jmp gb@PLT
# expect: cmpq %rsi,%rdx | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | jmp fc
# expect: cmpq %rsi,%rcx | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | jmp ext_alias
# expect: cmpq %rsi,%r8 | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | jmp fa
# expect: fa: | setl %al
	.text
	.type	fa, @function
fa:
	setl	%al
	ret
	.size	fa, .-fa
	.set	fb,fa
	.globl	gb
	.set	gb,fa
	fc = fb
	.set	ext_alias, elsewhere

	.globl	g
	.type	g, @function
g:
	subq	$24, %rsp
	addq	$24, %rsp
	jmp	fb

	.globl	h
	.type	h, @function
h:
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	jmp	gb@PLT

	.globl	i
	.type	i, @function
i:
	cmpq	%rsi, %rdx
	movq	%rbx, %rsp
	jmp	fc

	.globl	j
	.type	j, @function
j:
	cmpq	%rsi, %rcx
	movq	%rbx, %rsp
	jmp	ext_alias

	.globl	k
	.type	k, @function
k:
	cmpq	%rsi, %r8
	movq	%rbx, %rsp
	jmp	fa
