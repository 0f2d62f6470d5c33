# accept: M5 with rep movsb: both pairs, %rdi first
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	.bundle_unlock
	int3
