# expect: V6 std
# why: std; M5 without the closing cld
	.text
	.bundle_align_mode 5
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
