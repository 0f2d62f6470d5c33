# accept: M2 on several registers, each call ending a bundle
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rax
	.bundle_unlock
	.bundle_lock
	andl $-32, %ecx
	orq %r14, %rcx
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rcx
	.bundle_unlock
	.bundle_lock
	andl $-32, %edx
	orq %r14, %rdx
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rdx
	.bundle_unlock
	.bundle_lock
	andl $-32, %ebp
	orq %r14, %rbp
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rbp
	.bundle_unlock
	.bundle_lock
	andl $-32, %esi
	orq %r14, %rsi
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rsi
	.bundle_unlock
	.bundle_lock
	andl $-32, %edi
	orq %r14, %rdi
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rdi
	.bundle_unlock
	.bundle_lock
	andl $-32, %r8d
	orq %r14, %r8
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r8
	.bundle_unlock
	.bundle_lock
	andl $-32, %r10d
	orq %r14, %r10
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r10
	.bundle_unlock
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r11
	.bundle_unlock
	.bundle_lock
	andl $-32, %r13d
	orq %r14, %r13
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r13
	.bundle_unlock
	.bundle_lock
	andl $-32, %r15d
	orq %r14, %r15
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r15
	.bundle_unlock
