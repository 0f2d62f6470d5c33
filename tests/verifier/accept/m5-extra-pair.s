# accept: an unneeded %rsi pair before a stos M5 is harmless
	.text
	.bundle_align_mode 5
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
