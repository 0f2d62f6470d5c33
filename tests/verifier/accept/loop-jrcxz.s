# accept: loop, loope, loopne and jrcxz
	.text
	.bundle_align_mode 5
	movl $10, %ecx
1:
	decl %eax
	loop 1b
	loope 1b
	loopne 1b
	jrcxz 2f
	nop
2:
	int3
