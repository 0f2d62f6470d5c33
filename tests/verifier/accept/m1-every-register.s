# accept: M1 on every allowed register (not %rsp, not %r14)
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
	.bundle_lock
	andl $-32, %eax
	addq %r14, %rax
	jmpq *%rax
	.bundle_unlock
	.bundle_lock
	andl $-32, %ecx
	orq %r14, %rcx
	jmpq *%rcx
	.bundle_unlock
	.bundle_lock
	andl $-32, %ecx
	addq %r14, %rcx
	jmpq *%rcx
	.bundle_unlock
	.bundle_lock
	andl $-32, %edx
	orq %r14, %rdx
	jmpq *%rdx
	.bundle_unlock
	.bundle_lock
	andl $-32, %edx
	addq %r14, %rdx
	jmpq *%rdx
	.bundle_unlock
	.bundle_lock
	andl $-32, %ebx
	orq %r14, %rbx
	jmpq *%rbx
	.bundle_unlock
	.bundle_lock
	andl $-32, %ebx
	addq %r14, %rbx
	jmpq *%rbx
	.bundle_unlock
	.bundle_lock
	andl $-32, %ebp
	orq %r14, %rbp
	jmpq *%rbp
	.bundle_unlock
	.bundle_lock
	andl $-32, %ebp
	addq %r14, %rbp
	jmpq *%rbp
	.bundle_unlock
	.bundle_lock
	andl $-32, %esi
	orq %r14, %rsi
	jmpq *%rsi
	.bundle_unlock
	.bundle_lock
	andl $-32, %esi
	addq %r14, %rsi
	jmpq *%rsi
	.bundle_unlock
	.bundle_lock
	andl $-32, %edi
	orq %r14, %rdi
	jmpq *%rdi
	.bundle_unlock
	.bundle_lock
	andl $-32, %edi
	addq %r14, %rdi
	jmpq *%rdi
	.bundle_unlock
	.bundle_lock
	andl $-32, %r8d
	orq %r14, %r8
	jmpq *%r8
	.bundle_unlock
	.bundle_lock
	andl $-32, %r8d
	addq %r14, %r8
	jmpq *%r8
	.bundle_unlock
	.bundle_lock
	andl $-32, %r9d
	orq %r14, %r9
	jmpq *%r9
	.bundle_unlock
	.bundle_lock
	andl $-32, %r9d
	addq %r14, %r9
	jmpq *%r9
	.bundle_unlock
	.bundle_lock
	andl $-32, %r10d
	orq %r14, %r10
	jmpq *%r10
	.bundle_unlock
	.bundle_lock
	andl $-32, %r10d
	addq %r14, %r10
	jmpq *%r10
	.bundle_unlock
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.bundle_lock
	andl $-32, %r11d
	addq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.bundle_lock
	andl $-32, %r12d
	orq %r14, %r12
	jmpq *%r12
	.bundle_unlock
	.bundle_lock
	andl $-32, %r12d
	addq %r14, %r12
	jmpq *%r12
	.bundle_unlock
	.bundle_lock
	andl $-32, %r13d
	orq %r14, %r13
	jmpq *%r13
	.bundle_unlock
	.bundle_lock
	andl $-32, %r13d
	addq %r14, %r13
	jmpq *%r13
	.bundle_unlock
	.bundle_lock
	andl $-32, %r15d
	orq %r14, %r15
	jmpq *%r15
	.bundle_unlock
	.bundle_lock
	andl $-32, %r15d
	addq %r14, %r15
	jmpq *%r15
	.bundle_unlock
