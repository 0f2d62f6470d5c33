# expect: V6 indirect-branch
# why: notrack (3e) prefixed indirect jump
	.text
	.bundle_align_mode 5
	notrack jmp *%rax
