# expect: V7 string-op
# why: a scaled index reaches 8 GiB past the base
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi,2), %rdi
	stosb
	.bundle_unlock
	int3
