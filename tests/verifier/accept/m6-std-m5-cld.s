# accept: M6: std; M5; cld
	.text
	.bundle_align_mode 5
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	cld
	.bundle_unlock
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosq
	cld
	.bundle_unlock
	.bundle_lock
	std
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	rep movsq
	cld
	.bundle_unlock
	int3
