# expect: V6 branch-target
# why: a jump to the string instruction of an M6
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
2:
	stosb
	cld
	.bundle_unlock
	int3
