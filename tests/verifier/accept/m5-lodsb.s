# accept: M5 with lodsb (uses %rsi only)
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsb
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsq
	.bundle_unlock
	int3
