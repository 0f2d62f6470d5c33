# expect: V6 branch-target
# why: a direct call into the middle of an instruction
	.text
	.bundle_align_mode 5
	call .Lx+1
	int3
.Lx:
	movl $0xcc050f90, %eax
	int3
