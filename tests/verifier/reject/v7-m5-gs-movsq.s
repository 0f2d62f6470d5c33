# expect: V7 string-op
# why: %gs: on the movs source adds the base twice
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movsq %gs:(%rsi), %es:(%rdi)
	.bundle_unlock
	int3
