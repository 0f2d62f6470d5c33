# expect: V6 indirect-branch
# why: the or goes to another register
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rcx
	jmpq *%rax
	.bundle_unlock
