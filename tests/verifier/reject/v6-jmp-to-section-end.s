# expect: V6 branch-target
# why: a jump to the end of the section falls into whatever follows it
	.text
	.bundle_align_mode 5
	jmp 9f
	int3
9:
