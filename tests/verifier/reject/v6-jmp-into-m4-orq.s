# expect: V6 branch-target
# why: a jump to the orq of an M4 applies the base to an unchecked %rsp
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	movl %eax, %esp
2:
	orq %r14, %rsp
	.bundle_unlock
	int3
