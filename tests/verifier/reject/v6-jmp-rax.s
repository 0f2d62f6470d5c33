# expect: V6 indirect-branch
# why: an unmasked indirect jump
	.text
	.bundle_align_mode 5
	jmp *%rax
