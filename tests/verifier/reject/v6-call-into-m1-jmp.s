# expect: V6 branch-target
# why: a direct call to the jmpq of an M1
	.text
	.bundle_align_mode 5
	call 2f
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
2:
	jmpq *%rax
	.bundle_unlock
