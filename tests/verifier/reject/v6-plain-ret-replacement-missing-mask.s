# expect: V6 indirect-branch
# why: a return rewritten without the mask
	.text
	.bundle_align_mode 5
	popq %r11
	jmpq *%r11
