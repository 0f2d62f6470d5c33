# expect: V6 branch-target
# why: a backward jump to the call of an M2
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
2:
	callq *%rax
	.bundle_unlock
	jmp 2b
