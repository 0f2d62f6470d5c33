# expect: V7 string-op
# why: a 32-bit lea drops the base
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leal (%r14,%rdi), %edi
	stosb
	.bundle_unlock
	int3
