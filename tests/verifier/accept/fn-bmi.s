# accept: whole function: bit tricks with BMI1/BMI2/POPCNT/LZCNT
	.text
	.bundle_align_mode 5
	.globl bits
	.type bits, @function
	.p2align 5
bits:
	popcnt %rdi, %rax
	tzcnt %rsi, %rcx
	blsr %rsi, %rdx
	pext %rdx, %rdi, %r8
	shlx %rcx, %r8, %r8
	lzcnt %rdi, %r9
	rorx $13, %r9, %r9
	addq %r8, %rax
	addq %r9, %rax
	andn %rax, %rdx, %rax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
