# expect: V6 indirect-branch
# why: a different mask constant
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $0x7fffffe0, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
