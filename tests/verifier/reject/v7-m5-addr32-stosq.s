# expect: V7 string-op
# why: addr32 makes stos use %edi: a low host address
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	addr32 stosq
	.bundle_unlock
	int3
