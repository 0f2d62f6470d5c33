# expect: V3 memory-operand
# why: a realistic bitmap-set helper on a stack bitmap with a 64-bit bit index
	.text
	.bundle_align_mode 5
	.globl setbit
	.type setbit, @function
	.p2align 5
setbit:
	.bundle_lock
	subl $64, %esp
	orq %r14, %rsp
	.bundle_unlock
	btsq %rdi, (%rsp)
	.bundle_lock
	addl $64, %esp
	orq %r14, %rsp
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	int3
