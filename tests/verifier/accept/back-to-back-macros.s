# accept: macroinstructions directly after one another
	.text
	.bundle_align_mode 5
	.bundle_lock
	subl $16, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	cld
	.bundle_unlock
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *8(%r14)
1:
	.bundle_unlock
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.bundle_lock
	fninit
	leaq 2f(%rip), %r11
	jmpq *32(%r14)
2:
	.bundle_unlock
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rax
	.bundle_unlock
