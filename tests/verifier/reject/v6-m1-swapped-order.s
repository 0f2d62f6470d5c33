# expect: V6 indirect-branch
# why: and after or clears the base again
	.text
	.bundle_align_mode 5
	.bundle_lock
	orq %r14, %rax
	andl $-32, %eax
	jmpq *%rax
	.bundle_unlock
