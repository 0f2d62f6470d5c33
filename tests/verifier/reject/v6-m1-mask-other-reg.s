# expect: V6 indirect-branch
# why: the mask is applied to another register than the target
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %ecx
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
