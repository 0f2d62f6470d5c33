# expect: V6 indirect-branch
# why: or with another register than %r14
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r15, %rax
	jmpq *%rax
	.bundle_unlock
