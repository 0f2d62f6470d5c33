# accept: whole function: fesetenv with fldenv and ldmxcsr in M7
	.text
	.bundle_align_mode 5
	.globl fesetenv
	.type fesetenv, @function
	.p2align 5
fesetenv:
	fnclex
	.bundle_lock
	fldenv %gs:(%edi)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	.bundle_lock
	ldmxcsr %gs:28(%edi)
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
