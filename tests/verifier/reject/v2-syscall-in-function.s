# expect: V2 forbidden
# why: an unrewritten getpid inside ordinary code
	.text
	.bundle_align_mode 5
	movl $39, %eax
	syscall
	movl %eax, %gs:(%edi)
	int3
