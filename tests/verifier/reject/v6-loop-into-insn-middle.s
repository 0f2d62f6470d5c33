# expect: V6 branch-target
# why: loop into the middle of an instruction
	.text
	.bundle_align_mode 5
.Lx:
	movl $0xcc050f90, %eax
	loop .Lx+1
	int3
