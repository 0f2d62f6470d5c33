# accept: read-modify-write instructions on G operands
	.text
	.bundle_align_mode 5
	addq %rax, %gs:(%ecx)
	incl %gs:(%eax)
	notq %gs:8(%ebx)
	shlq $3, %gs:8(%ebx)
	negl %gs:(%edx,%eax,4)
	sarw %cl, %gs:(%esi)
	orb $0x80, %gs:1(%edi)
	subq %gs:(%r10d), %rax
	cmpl $5, %gs:(%eax)
	testb $1, %gs:(%ecx)
	int3
