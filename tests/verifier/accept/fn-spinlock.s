# accept: whole function: spinlock with xchg and pause
	.text
	.bundle_align_mode 5
	.globl spin_lock
	.type spin_lock, @function
	.p2align 5
spin_lock:
1:
	movl $1, %eax
	xchgl %eax, %gs:(%edi)
	testl %eax, %eax
	jz 3f
2:
	pause
	cmpl $0, %gs:(%edi)
	jne 2b
	jmp 1b
3:
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.globl spin_unlock
	.type spin_unlock, @function
	.p2align 5
spin_unlock:
	movl $0, %gs:(%edi)
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
