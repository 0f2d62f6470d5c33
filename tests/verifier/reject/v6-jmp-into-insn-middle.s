# expect: V6 branch-target
# why: a direct jump into the immediate of a mov that hides nop; syscall
	.text
	.bundle_align_mode 5
	jmp .Lx+1
.Lx:
	movl $0xcc050f90, %eax
	int3
