# expect: V6 indirect-branch
# why: the target is overwritten between mask and jump
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	movq %rcx, %rax
	jmpq *%rax
	.bundle_unlock
