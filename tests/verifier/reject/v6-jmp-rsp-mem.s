# expect: V6 indirect-branch
# why: an indirect jump through the stack (ret in disguise)
	.text
	.bundle_align_mode 5
	jmpq *8(%rsp)
