# expect: V7 string-op
# why: the base must be %r14
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r15,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
