# expect: V6 indirect-branch
# why: bnd (f2) prefixed indirect jump
	.text
	.bundle_align_mode 5
	bnd jmp *%rax
