# expect: V6 branch-target
# why: a jump to the leaq of an M5 skips the 32-bit truncation of %rdi
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	movl %edi, %edi
2:
	leaq (%r14,%rdi), %rdi
	rep stosb
	.bundle_unlock
	int3
