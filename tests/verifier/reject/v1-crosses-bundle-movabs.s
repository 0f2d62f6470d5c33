# expect: V1 crosses-bundle
# why: a 10-byte movabs whose imm64 hides a syscall in the next bundle
	.text
	.p2align 5
	.fill 26, 1, 0x90
	movabsq $0x9090050f90909090, %rax
	int3
