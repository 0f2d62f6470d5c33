# accept: whole function: memcmp with repe cmpsb in M5
	.text
	.bundle_align_mode 5
	.globl memcmp
	.type memcmp, @function
	.p2align 5
memcmp:
	movq %rdx, %rcx
	xorl %eax, %eax
	testq %rcx, %rcx
	je 1f
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	repe cmpsb
	.bundle_unlock
	je 1f
	movzbl %gs:-1(%esi), %eax
	movzbl %gs:-1(%edi), %ecx
	subl %ecx, %eax
1:
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
