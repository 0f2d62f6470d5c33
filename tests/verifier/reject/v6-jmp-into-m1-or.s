# expect: V6 branch-target
# why: a jump to the orq of an M1 skips the andl mask
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	andl $-32, %eax
2:
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
