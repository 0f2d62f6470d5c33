# expect: V6 indirect-branch
# why: andw masks only 16 bits
	.text
	.bundle_align_mode 5
	.bundle_lock
	andw $-32, %ax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
