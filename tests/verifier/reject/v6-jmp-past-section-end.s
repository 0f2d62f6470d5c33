# expect: V6 branch-target
# why: a jump beyond the end of the section
	.text
	.bundle_align_mode 5
	jmp .+100
	int3
