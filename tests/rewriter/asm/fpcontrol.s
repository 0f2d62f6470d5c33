# FP control writes (M7)
	.text
	.globl	fenv
	.type	fenv, @function
fenv:
	ldmxcsr	-4(%rsp)
	stmxcsr	-4(%rsp)
	fldcw	(%rdi)
	fnstcw	(%rdi)
	fldenv	(%rdi)
	fnstenv	(%rdi)
	fninit
	fxrstor	(%rsi)
	frstor	(%rsi)
	vldmxcsr 8(%rsp)
	ret
