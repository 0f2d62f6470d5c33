# accept: whole function: memcpy with rep movsq and rep movsb in M5
	.text
	.bundle_align_mode 5
	.globl memcpy
	.type memcpy, @function
	.p2align 5
memcpy:
	movq %rdi, %rax
	movq %rdx, %rcx
	shrq $3, %rcx
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsq
	.bundle_unlock
	movl %edx, %ecx
	andl $7, %ecx
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
