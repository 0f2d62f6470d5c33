# expect: V6 indirect-branch
# why: the target is overwritten between mask and call
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	movq %rcx, %rax
	callq *%rax
	.bundle_unlock
