# accept: whole function: x87 arithmetic on the stack
	.text
	.bundle_align_mode 5
	.globl hypotl
	.type hypotl, @function
	.p2align 5
hypotl:
	fldt 8(%rsp)
	fmul %st(0), %st
	fldt 24(%rsp)
	fmul %st(0), %st
	faddp
	fsqrt
	fxam
	fnstsw %ax
	sahf
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
