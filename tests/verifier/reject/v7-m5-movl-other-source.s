# expect: V7 string-op
# why: M5 truncates %edi itself: movl %edi,%edi
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %eax, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	int3
