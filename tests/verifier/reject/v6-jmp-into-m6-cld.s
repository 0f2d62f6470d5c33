# expect: V6 branch-target
# why: a jump to the cld of an M6 (interior)
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
2:
	cld
	.bundle_unlock
	int3
