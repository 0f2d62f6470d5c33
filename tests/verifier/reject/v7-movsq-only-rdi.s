# expect: V7 string-op
# why: movs also reads through %rsi
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movsq
	.bundle_unlock
	int3
