# expect: V7 string-op
# why: movs also writes through %rdi
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movsq
	.bundle_unlock
	int3
