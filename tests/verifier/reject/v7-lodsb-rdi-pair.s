# expect: V7 string-op
# why: lods reads through %rsi, which is not masked
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	lodsb
	.bundle_unlock
	int3
