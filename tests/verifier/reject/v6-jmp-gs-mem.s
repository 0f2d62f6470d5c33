# expect: V6 indirect-branch
# why: an indirect jump through a G-form memory operand
	.text
	.bundle_align_mode 5
	jmpq *%gs:8(%eax)
