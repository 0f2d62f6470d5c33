# expect: V6 indirect-branch
# why: M1 has no NOPs: its parts are adjacent
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	nopl (%rax)
	jmpq *%rax
	.bundle_unlock
