# accept: whole function: memset with rep stosq and rep stosb in M5
	.text
	.bundle_align_mode 5
	.globl memset
	.type memset, @function
	.p2align 5
memset:
	movq %rdi, %r8
	movzbl %sil, %eax
	movabsq $0x0101010101010101, %rsi
	imulq %rsi, %rax
	movq %rdx, %rcx
	shrq $3, %rcx
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	rep stosq
	.bundle_unlock
	movl %edx, %ecx
	andl $7, %ecx
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	rep stosb
	.bundle_unlock
	movq %r8, %rax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
