# expect: V6 indirect-branch
# why: an unmasked call through the scratch register
	.text
	.bundle_align_mode 5
	popq %r11
	callq *%r11
	int3
