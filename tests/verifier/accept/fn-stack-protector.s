# accept: whole function: stack-protector canary through runtime call 8
	.text
	.bundle_align_mode 5
	.globl protected
	.type protected, @function
	.p2align 5
protected:
	pushq %rbx
	.bundle_lock
	subl $32, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *8(%r14)
1:
	.bundle_unlock
	movq %gs:40(%r11d), %r11
	movq %r11, 24(%rsp)
	movq %rdi, %rbx
	.bundle_lock
	leaq 2f(%rip), %r11
	jmpq *8(%r14)
2:
	.bundle_unlock
	movq %gs:40(%r11d), %r11
	xorq 24(%rsp), %r11
	jne __stack_chk_fail
	.bundle_lock
	addl $32, %esp
	orq %r14, %rsp
	.bundle_unlock
	popq %rbx
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
