# expect: V6 indirect-branch
# why: jmpq *d(%rip) whose d points at an instruction start: the CPU jumps to the 8 code bytes read there (here the host address 0x7fffdeadb848), not to the instruction
	.text
	.bundle_align_mode 5
	jmpq *1f(%rip)
	int3
1:
	movabsq $0x7fffdead, %rax	# bytes 48 b8 ad de ff 7f 00 00 00 00
	int3
