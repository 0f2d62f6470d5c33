# a prefix on its own line between the write and the consumer is neither
# a reader nor a writer of flags
# expect: cmpq %rsi,%rdi | setl %r11b | .bundle_lock | movl %ebx,%esp | orq %r14,%rsp | .bundle_unlock | testb %r11b,%r11b
# expect: rep stosb | .bundle_unlock | setne %al
	.text
	.globl	f
	.type	f, @function
f:
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	rep
	stosb
	setl	%al
	ret
