# accept: call to a global function of the same section (gas emits a relocation)
	.text
	.bundle_align_mode 5
	.globl f
	.type f, @function
	.p2align 5
f:
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call g
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.globl g
	.type g, @function
	.p2align 5
g:
	xorl %eax, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
