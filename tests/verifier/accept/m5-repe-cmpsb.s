# accept: M5 with repe cmpsb (uses both)
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	repe cmpsb
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	cmpsq
	.bundle_unlock
	int3
