# expect: V6 indirect-branch
# why: callq *d(%rip) reading its target from code bytes at an instruction start
	.text
	.bundle_align_mode 5
	callq *1f(%rip)
	int3
1:
	movabsq $0x7fffdead, %rax
	int3
