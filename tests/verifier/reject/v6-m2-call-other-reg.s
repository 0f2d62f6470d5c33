# expect: V6 indirect-branch
# why: the call uses another register than the masked one
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	callq *%rcx
	.bundle_unlock
