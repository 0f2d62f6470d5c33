# accept: x87 arithmetic with G/S/R memory
	.text
	.bundle_align_mode 5
	fld1
	fldz
	fldl %gs:(%eax)
	fildl 8(%rsp)
	fldt %gs:16(%ecx)
	faddp
	fmull cst(%rip)
	fsqrt
	fsin
	fxch %st(1)
	fstpt %gs:(%edx)
	fistpll 8(%rsp)
	fucomip %st(1), %st
	fcmovb %st(1), %st
	fstp %st(0)
	fnstsw %ax
	fprem
	frndint
	fabs
	fchs
	int3
	.section .rodata
	cst: .double 2.0
