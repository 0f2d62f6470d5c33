# expect: V6 indirect-branch
# why: an indirect jump through an R-form pointer
	.text
	.bundle_align_mode 5
	jmpq *ptr(%rip)
	.data
	ptr: .quad 0
