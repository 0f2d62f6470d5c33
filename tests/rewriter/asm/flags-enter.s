# enter $0,$0 is push/mov only (no M4): flags read after it are the
# input's and the consumer stays as it is; enter $N,$0 (N > 0) has an
# M4 and saves the condition around it.
# expect: cmpq %rsi,%rdi | pushq %rbp | movq %rsp,%rbp | jl .L1
# expect: cmpq %rsi,%rdx | pushq %rbp | movq %rsp,%rbp | setl %r11b | .bundle_lock | subl $16,%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b | jne .L2
	.text
	.globl	zero
	.type	zero, @function
zero:
	cmpq	%rsi, %rdi
	enter	$0, $0
	jl	.L1
	leave
	ret
.L1:
	movl	$1, %eax
	leave
	ret
	.globl	sixteen
	.type	sixteen, @function
sixteen:
	cmpq	%rsi, %rdx
	enter	$16, $0
	jl	.L2
	leave
	ret
.L2:
	movl	$1, %eax
	leave
	ret
