# accept: whole function: calls that end at bundle ends, return through popq %r11 + M1
	.text
	.bundle_align_mode 5
	.globl outer
	.type outer, @function
	.p2align 5
outer:
	pushq %rbx
	movl %edi, %ebx
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call inner
	.bundle_unlock
	addl %eax, %ebx
	movl %ebx, %edi
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call ext_function
	.bundle_unlock
	addl %ebx, %eax
	popq %rbx
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.p2align 5
inner:
	leal 1(%rdi), %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
