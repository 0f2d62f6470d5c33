# expect: V6 std
# why: a realistic backwards memmove that forgot the cld after the copy
	.text
	.bundle_align_mode 5
	.globl memmove_back
	.type memmove_back, @function
	.p2align 5
memmove_back:
	leaq -1(%rdi,%rdx), %rdi
	leaq -1(%rsi,%rdx), %rsi
	movq %rdx, %rcx
	std
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
