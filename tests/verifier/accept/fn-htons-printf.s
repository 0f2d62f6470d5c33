# accept: whole function: htons with xchg %ah,%al and printf-style orb $12,%ah
	.text
	.bundle_align_mode 5
	.globl htons
	.type htons, @function
	.p2align 5
htons:
	movl %edi, %eax
	xchgb %ah, %al
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.globl fmt_flags
	.type fmt_flags, @function
	.p2align 5
fmt_flags:
	movl %edi, %eax
	orb $12, %ah
	testb $0x20, %ah
	je 1f
	andb $0xdf, %ah
1:
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
