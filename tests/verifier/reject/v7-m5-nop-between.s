# expect: V7 string-op
# why: the parts of an M5 must be adjacent
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	nop
	stosb
	.bundle_unlock
	int3
