# accept: BMI1, BMI2, LZCNT, POPCNT
	.text
	.bundle_align_mode 5
	andn %rax, %rcx, %rdx
	blsr %rax, %rcx
	blsi %gs:(%eax), %edx
	blsmsk %rbx, %rcx
	bextr %rax, %rcx, %rdx
	tzcnt %rax, %rcx
	pdep %rax, %rcx, %rdx
	pext %gs:(%eax), %ecx, %edx
	shlx %rax, %rcx, %rdx
	sarx %eax, %ecx, %edx
	rorx $7, %rax, %rcx
	mulx %rax, %rcx, %rdx
	bzhi %rax, %rcx, %rdx
	lzcnt %rax, %rcx
	popcnt %gs:(%ebx), %rdx
	int3
