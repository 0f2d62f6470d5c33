# expect: V6 indirect-branch
# why: the call target is not masked
	.text
	.bundle_align_mode 5
	.bundle_lock
	orq %r14, %rax
	callq *%rax
	.bundle_unlock
