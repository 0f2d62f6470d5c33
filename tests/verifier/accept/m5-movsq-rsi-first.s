# accept: M5 with movsq, the %rsi pair first
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movsq
	.bundle_unlock
	int3
