# accept: stores through G operands in every width
	.text
	.bundle_align_mode 5
	movq %rax, %gs:(%ecx)
	movb $1, %gs:3(%edx)
	movw %ax, %gs:(%ebx)
	movl $7, %gs:(%edi,%esi)
	movq $-1, %gs:0x100(%r8d)
	movb %ah, %gs:(%eax)
	int3
