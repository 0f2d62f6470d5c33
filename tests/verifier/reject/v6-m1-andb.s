# expect: V6 indirect-branch
# why: andb masks only 8 bits
	.text
	.bundle_align_mode 5
	.bundle_lock
	andb $0xe0, %al
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
