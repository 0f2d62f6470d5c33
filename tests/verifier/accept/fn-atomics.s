# accept: whole function: atomic fetch-add and compare-exchange
	.text
	.bundle_align_mode 5
	.globl fetch_add
	.type fetch_add, @function
	.p2align 5
fetch_add:
	movl %esi, %eax
	lock xaddl %eax, %gs:(%edi)
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.globl cas
	.type cas, @function
	.p2align 5
cas:
	movq %rsi, %rax
	lock cmpxchgq %rdx, %gs:(%edi)
	sete %al
	movzbl %al, %eax
	mfence
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
