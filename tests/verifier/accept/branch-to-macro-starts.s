# accept: direct branches may target the first instruction of every macroinstruction
	.text
	.bundle_align_mode 5
	jmp 1f
	je 2f
	jne 3f
	js 4f
	jo 5f
	jp 6f
	call 7f
	int3
1:
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
2:
	.bundle_lock
	andl $-32, %ecx
	orq %r14, %rcx
	callq *%rcx
	.bundle_unlock
3:
	.bundle_lock
	leaq 8f(%rip), %r11
	jmpq *0(%r14)
8:
	.bundle_unlock
4:
	.bundle_lock
	subl $8, %esp
	orq %r14, %rsp
	.bundle_unlock
5:
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
6:
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	cld
	.bundle_unlock
7:
	.bundle_lock
	fninit
	leaq 9f(%rip), %r11
	jmpq *32(%r14)
9:
	.bundle_unlock
	jmp 1b
	jmp 2b
	jmp 3b
	jmp 4b
	jmp 5b
	jmp 6b
	jmp 7b
	int3
