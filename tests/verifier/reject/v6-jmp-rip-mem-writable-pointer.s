# expect: V6 indirect-branch
# why: jmpq *ptr(%rip) through a pointer in writable .data, followed by an instruction: a jump to any host address the sandbox stores there
	.text
	.bundle_align_mode 5
	jmpq *ptr(%rip)
	int3
	.data
	ptr: .quad 0
