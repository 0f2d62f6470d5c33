# expect: V6 indirect-branch
# why: a runtime-table jump without the leaq
	.text
	.bundle_align_mode 5
	jmpq *0(%r14)
