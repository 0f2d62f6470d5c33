# accept: whole function: write(2) through runtime call 0
	.text
	.bundle_align_mode 5
	.globl sys_write
	.type sys_write, @function
	.p2align 5
sys_write:
	movl $1, %eax
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *0(%r14)
1:
	.bundle_unlock
	cmpq $-4095, %rax
	jae .Lerr
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
.Lerr:
	negl %eax
	movl %eax, errno_val(%rip)
	movq $-1, %rax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.bss
	errno_val: .long 0
