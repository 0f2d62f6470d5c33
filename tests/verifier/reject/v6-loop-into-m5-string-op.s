# expect: V6 branch-target
# why: a backward loop to the string instruction of an M5
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
2:
	stosb
	.bundle_unlock
	loop 2b
	int3
