# expect: V6 indirect-branch
# why: M1 jumps through the register, not through memory
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *(%rax)
	.bundle_unlock
