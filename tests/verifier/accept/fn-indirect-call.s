# accept: whole function: call through a function pointer with M2 at the bundle end
	.text
	.bundle_align_mode 5
	.globl callptr
	.type callptr, @function
	.p2align 5
callptr:
	pushq %rbx
	movq %rdi, %rbx
	movq %gs:8(%ebx), %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r11
	.bundle_unlock
	movq %rax, %gs:16(%ebx)
	popq %rbx
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
