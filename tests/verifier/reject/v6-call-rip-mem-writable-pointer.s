# expect: V6 indirect-branch
# why: callq *ptr(%rip) through a pointer in writable .data
	.text
	.bundle_align_mode 5
	callq *ptr(%rip)
	int3
	.data
	ptr: .quad 0
