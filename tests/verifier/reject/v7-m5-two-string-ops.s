# expect: V7 string-op
# why: the second stos after an M5 is not masked (%rdi moved on)
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	stosb
	int3
