# expect: V6 std
# why: the parts of an M6 must be adjacent
	.text
	.bundle_align_mode 5
	.bundle_lock
	std
	nop
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	cld
	.bundle_unlock
	int3
