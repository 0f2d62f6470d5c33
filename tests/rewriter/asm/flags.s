# Status flags live across a flag-preserving write of %rsp (movq %rX,
# leaq, leave) are saved around M4: setCC %r11b before, testb after, and
# the consumers test ZF (ne; e for the negated condition). Flags that are
# dead (overwritten, or ended by call/ret/tail call) are left alone.
# expect: cmpq %r12,%r13 | setl %r11b | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b | setne %al
# expect: cmpl %esi,%edi | setg %r11b | .bundle_lock | movl %ebp,%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b | popq %rbp | cmovnel %gs:8(%edi),%eax
# expect: testq %rdi,%rdi | setz %r11b | .bundle_lock | leal -16(%rbp),%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b | movq %rax,%rdx | jne .L2 | setne %cl
# expect: .L2: | sete %dl
# expect: cmpq %rsi,%rdi | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | xorl %eax,%eax
# expect: cmpq %rsi,%rdx | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | incq %rax | jl .L9
# expect: cmpq %rsi,%rcx | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | movq %rbp,%rax
# expect: cmpq %rsi,%r8 | movq %gs:8(%edi),%r11 | leaq 0(,%r11,8),%r11 | leaq 0(,%r11,8),%r11 | leaq 0(,%r11,4),%r11 | setb %r11b | rorq $8,%r11 | .bundle_lock | movl %r11d,%esp | orq %r14,%rsp | .bundle_unlock | shrq $56,%r11 | jne .L7
	.text
	.globl	vla
	.type	vla, @function
vla:
	cmpq	%r12, %r13
	movq	%rbx, %rsp
	setl	%al
	ret

	.globl	cmov_leave
	.type	cmov_leave, @function
cmov_leave:
	cmpl	%esi, %edi
	leave
	cmovgl	8(%rdi), %eax
	ret

# jz and its negation in the private fall-through and target blocks
	.globl	branches
	.type	branches, @function
branches:
	testq	%rdi, %rdi
	leaq	-16(%rbp), %rsp
	movq	%rax, %rdx
	jz	.L2
	setz	%cl
	ret
.L2:
	setnz	%dl
	ret

# overwritten before any read: nothing to save
	.globl	dead
	.type	dead, @function
dead:
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	xorl	%eax, %eax
	setl	%al
	ret

# inc writes all flags but CF; jl reads SF and OF: inc's, not cmp's
	.globl	inc_kills
	.type	inc_kills, @function
inc_kills:
	cmpq	%rsi, %rdx
	movq	%rbx, %rsp
	incq	%rax
	jl	.L9
	ret
.L9:
	call	abort@PLT
	setl	%al
	ret

# a tail call: the flags are dead at a jump out of the file (ABI)
	.globl	tail
	.type	tail, @function
tail:
	cmpq	%rsi, %rcx
	movq	%rbx, %rsp
	movq	%rbp, %rax
	jmp	elsewhere

# movq mem,%rsp goes through %r11, which then carries the condition too
	.globl	load
	.type	load, @function
load:
	cmpq	%rsi, %r8
	movq	8(%rdi), %rsp
	jb	.L7
	ret
.L7:
	ret
