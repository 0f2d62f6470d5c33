# expect-line: 5
# a runtime call (syscall) does not promise to keep the flags
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	syscall
	setl	%al
	ret
