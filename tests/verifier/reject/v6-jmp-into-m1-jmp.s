# expect: V6 branch-target
# why: a jump to the jmpq of an M1 skips the whole mask
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
2:
	jmpq *%rax
	.bundle_unlock
