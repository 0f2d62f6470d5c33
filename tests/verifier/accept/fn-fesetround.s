# accept: whole function: fesetround with stmxcsr and an M7 ldmxcsr
	.text
	.bundle_align_mode 5
	.globl fesetround
	.type fesetround, @function
	.p2align 5
fesetround:
	stmxcsr -4(%rsp)
	movl -4(%rsp), %eax
	andl $-0x6001, %eax
	shll $3, %edi
	orl %edi, %eax
	movl %eax, -4(%rsp)
	.bundle_lock
	ldmxcsr -4(%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	fnstcw -8(%rsp)
	movzwl -8(%rsp), %eax
	andb $0xf3, %ah
	movw %ax, -8(%rsp)
	.bundle_lock
	fldcw -8(%rsp)
	leaq 2f(%rip), %r11
	jmpq *32(%r14)
2:
	.bundle_unlock
	xorl %eax, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
