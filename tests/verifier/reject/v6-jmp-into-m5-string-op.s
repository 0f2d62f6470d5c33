# expect: V6 branch-target
# why: a jump straight to the string instruction of an M5
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
2:
	rep stosb
	.bundle_unlock
	int3
