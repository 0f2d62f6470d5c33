# accept: whole function: computed goto (&&label) through M1
	.text
	.bundle_align_mode 5
	.globl cgoto
	.type cgoto, @function
	.p2align 5
cgoto:
	leaq .Lt1(%rip), %rax
	leaq .Lt2(%rip), %rcx
	testl %edi, %edi
	cmovne %rcx, %rax
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
	.p2align 5
.Lt1:
	movl $1, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.p2align 5
.Lt2:
	movl $2, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
