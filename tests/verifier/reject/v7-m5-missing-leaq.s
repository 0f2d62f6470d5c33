# expect: V7 string-op
# why: without the leaq %rdi is a low host address
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	stosb
	.bundle_unlock
	int3
