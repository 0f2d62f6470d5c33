# expect: V6 indirect-branch
# why: an unmasked indirect call
	.text
	.bundle_align_mode 5
	call *%rax
	int3
