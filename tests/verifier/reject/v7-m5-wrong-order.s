# expect: V7 string-op
# why: truncating after adding the base leaves a low host address
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq (%r14,%rdi), %rdi
	movl %edi, %edi
	stosb
	.bundle_unlock
	int3
