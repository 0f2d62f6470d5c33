# accept: M5 with repne scasb (uses %rdi only)
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	repne scasb
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	scasl
	.bundle_unlock
	int3
