# expect: V7 string-op
# why: the masked value ends up in another register
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rax
	stosb
	.bundle_unlock
	int3
