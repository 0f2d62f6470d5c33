# accept: whole function: memmove forwards with M5, backwards with M6
	.text
	.bundle_align_mode 5
	.globl memmove
	.type memmove, @function
	.p2align 5
memmove:
	movq %rdi, %rax
	movq %rdi, %rcx
	subq %rsi, %rcx
	cmpq %rdx, %rcx
	jb .Lback
	movq %rdx, %rcx
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
.Lback:
	leaq -1(%rdi,%rdx), %rdi
	leaq -1(%rsi,%rdx), %rsi
	movq %rdx, %rcx
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	cld
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
