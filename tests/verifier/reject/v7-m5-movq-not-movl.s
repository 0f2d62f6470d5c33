# expect: V7 string-op
# why: a 64-bit move does not truncate %rdi
	.text
	.bundle_align_mode 5
	.bundle_lock
	movq %rdi, %rdi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
