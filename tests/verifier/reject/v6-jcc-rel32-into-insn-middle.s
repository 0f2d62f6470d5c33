# expect: V6 branch-target
# why: a rel32 conditional jump into the middle of an instruction
	.text
	.bundle_align_mode 5
	jne .Lx+3
	.fill 200, 1, 0xcc
.Lx:
	movabsq $0xcc050f9090909090, %rax
	int3
