# expect: V7 string-op
# why: %rdi is overwritten between mask and use
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movq %rax, %rdi
	stosb
	.bundle_unlock
	int3
