# expect: V6 fp-control
# why: a realistic floorl that changes the rounding mode without telling the runtime
	.text
	.bundle_align_mode 5
	.globl floorl
	.type floorl, @function
	.p2align 5
floorl:
	fldt 8(%rsp)
	fnstcw -2(%rsp)
	movw $0x77f, -4(%rsp)
	fldcw -4(%rsp)
	frndint
	fldcw -2(%rsp)
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
