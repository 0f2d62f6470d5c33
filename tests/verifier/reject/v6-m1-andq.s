# expect: V6 indirect-branch
# why: andq keeps the upper 32 bits of the target
	.text
	.bundle_align_mode 5
	.bundle_lock
	andq $-32, %rax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
