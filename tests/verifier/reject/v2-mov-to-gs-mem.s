# expect: V2 forbidden
# why: loading %gs from memory
	.text
	.bundle_align_mode 5
	movw %gs:(%eax), %gs
	int3
