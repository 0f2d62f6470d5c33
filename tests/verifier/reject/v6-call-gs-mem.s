# expect: V6 indirect-branch
# why: an indirect call through a G-form memory operand
	.text
	.bundle_align_mode 5
	callq *%gs:(%eax)
	int3
