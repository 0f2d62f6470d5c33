# expect: V6 indirect-branch
# why: a jump to the sandbox base (the runtime table)
	.text
	.bundle_align_mode 5
	jmpq *%r14
