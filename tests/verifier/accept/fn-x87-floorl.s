# accept: whole function: floorl with fnstcw and fldcw in M7, high-byte register use
	.text
	.bundle_align_mode 5
	.globl floorl
	.type floorl, @function
	.p2align 5
floorl:
	fldt 8(%rsp)
	fnstcw -2(%rsp)
	movzwl -2(%rsp), %eax
	orb $4, %ah
	andb $0xf7, %ah
	movw %ax, -4(%rsp)
	.bundle_lock
	fldcw -4(%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	frndint
	.bundle_lock
	fldcw -2(%rsp)
	leaq 2f(%rip), %r11
	jmpq *32(%r14)
2:
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
