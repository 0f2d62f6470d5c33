# expect: V6 indirect-branch
# why: a 32-bit or loses the base: the target is a low host address
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orl %r14d, %eax
	jmpq *%rax
	.bundle_unlock
