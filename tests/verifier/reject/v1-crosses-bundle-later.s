# expect: V1 crosses-bundle
# why: crossing at the second boundary (offset 64)
	.text
	.p2align 5
	.fill 62, 1, 0x90
	movl $1, %eax
	int3
