# expect: V6 branch-target
# why: jrcxz into the jmpq of an M1
	.text
	.bundle_align_mode 5
	jrcxz 2f
	int3
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
2:
	jmpq *%rax
	.bundle_unlock
