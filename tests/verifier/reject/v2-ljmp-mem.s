# expect: V2 forbidden
# why: far indirect jump: new %cs and %rip from memory
	.text
	.bundle_align_mode 5
	ljmp *%gs:(%eax)
	int3
