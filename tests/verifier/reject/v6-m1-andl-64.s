# expect: V6 indirect-branch
# why: the mask must be exactly $0xffffffe0
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-64, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
