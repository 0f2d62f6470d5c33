# expect: V6 indirect-branch
# why: X may not be %rsp (the first two instructions are an M4, the jump stays unmasked)
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %esp
	orq %r14, %rsp
	jmpq *%rsp
	.bundle_unlock
