# expect: V6 indirect-branch
# why: without the and the target is unmasked
	.text
	.bundle_align_mode 5
	.bundle_lock
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
