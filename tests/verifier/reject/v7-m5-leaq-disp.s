# expect: V7 string-op
# why: M5 has no displacement
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq 8(%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
