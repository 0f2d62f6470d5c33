# accept: whole function: setjmp saving registers with %gs: stores
	.text
	.bundle_align_mode 5
	.globl setjmp
	.type setjmp, @function
	.p2align 5
setjmp:
	movq %rbx, %gs:(%edi)
	movq %rbp, %gs:8(%edi)
	movq %r12, %gs:16(%edi)
	movq %r13, %gs:24(%edi)
	movq %r15, %gs:40(%edi)
	leaq 8(%rsp), %rdx
	movq %rdx, %gs:48(%edi)
	movq (%rsp), %rdx
	movq %rdx, %gs:56(%edi)
	xorl %eax, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
