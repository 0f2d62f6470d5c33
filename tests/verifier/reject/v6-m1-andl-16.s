# expect: V6 indirect-branch
# why: a 16-byte mask allows targets inside bundles
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-16, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
