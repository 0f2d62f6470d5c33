# expect: V6 indirect-branch
# why: sub instead of or/add
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	subq %r14, %rax
	jmpq *%rax
	.bundle_unlock
