# accept: call *mem rewritten: load into %r11, then M2
	.text
	.bundle_align_mode 5
	.globl f
	.type f, @function
	.p2align 5
f:
	movq %gs:8(%edi), %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r11
	.bundle_unlock
	movq 16(%rsp), %r11
	.bundle_lock
	andl $-32, %r11d
	addq %r14, %r11
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r11
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
