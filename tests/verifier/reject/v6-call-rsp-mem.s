# expect: V6 indirect-branch
# why: an indirect call through a (valid S-form) memory operand
	.text
	.bundle_align_mode 5
	call *(%rsp)
	int3
