# accept: M5 whose movl %edi,%edi uses the 8b opcode
	.text
	.bundle_align_mode 5
	.bundle_lock
	{load} movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
