# expect: V6 indirect-branch
# why: the jump uses another register than the masked one
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rcx
	.bundle_unlock
