# accept: locked and implicitly locked atomics on G operands
	.text
	.bundle_align_mode 5
	lock xaddl %eax, %gs:(%ecx)
	lock cmpxchgq %rcx, %gs:(%edx)
	xchgq %rax, %gs:(%ebx)
	lock incq %gs:(%edi)
	lock orl $1, %gs:4(%esi)
	lock btsq $3, %gs:(%eax)
	lock cmpxchg16b %gs:(%edi)
	lock cmpxchg8b %gs:(%esi)
	int3
