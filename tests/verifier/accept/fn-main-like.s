# accept: whole program: _start calling main and exiting through runtime call 0
	.text
	.bundle_align_mode 5
	.globl _start
	.type _start, @function
	.p2align 5
_start:
	xorl %ebp, %ebp
	movq %rsp, %rdi
	.bundle_lock
	andl $-16, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call main
	.bundle_unlock
	movl %eax, %edi
	movl $60, %eax
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *0(%r14)
1:
	.bundle_unlock
	hlt
	.globl main
	.type main, @function
	.p2align 5
main:
	xorl %eax, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
