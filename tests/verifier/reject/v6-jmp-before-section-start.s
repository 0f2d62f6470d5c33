# expect: V6 branch-target
# why: a jump before the start of the section
	.text
	.bundle_align_mode 5
	jmp .-64
	int3
