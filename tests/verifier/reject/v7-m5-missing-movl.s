# expect: V7 string-op
# why: without the truncation %r14+%rdi reaches anywhere
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
