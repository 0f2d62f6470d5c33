# accept: G form: %gs: + addr32 with a 32-bit base register
	.text
	.bundle_align_mode 5
	movq %gs:(%eax), %rcx
	movl %gs:(%ebx), %edx
	movb %gs:(%r8d), %al
	movw %gs:(%r15d), %si
	movq %gs:(%edi), %rdi
	movl %gs:(%esi), %r9d
	int3
