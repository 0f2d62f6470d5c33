# runtime calls: syscall (M3 N=0), thread-pointer reads (M3 N=8), ret $N
	.text
	.globl	sys_write
	.type	sys_write, @function
sys_write:
	movl	$1, %eax
	syscall
	ret
	.globl	tp
	.type	tp, @function
tp:
	movq	%fs:0, %rax
	addq	%fs:0, %rdx
	subq	%fs:0, %rcx
	movq	%fs:16, %rsi
	movl	%fs:40, %edi
	subq	%fs:40, %rdx
	xorq	%fs:40, %rdx
	ret	$16
