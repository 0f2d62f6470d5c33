# expect: V6 branch-target
# why: a conditional jump into the middle of an instruction
	.text
	.bundle_align_mode 5
	je .Lx+2
	int3
.Lx:
	movabsq $0xcc050f9090909090, %rax
	int3
