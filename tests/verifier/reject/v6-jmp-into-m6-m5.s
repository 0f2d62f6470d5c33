# expect: V6 branch-target
# why: a jump to the inner M5 of an M6 is into the interior of the M6
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	std
2:
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	cld
	.bundle_unlock
	int3
