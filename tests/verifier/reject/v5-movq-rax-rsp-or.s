# expect: V5 writes-rsp
# why: 64-bit mov into %rsp then or: upper bits of %rax survive the or
	.text
	.bundle_align_mode 5
	.bundle_lock
	movq %rax, %rsp
	orq %r14, %rsp
	.bundle_unlock
	int3
