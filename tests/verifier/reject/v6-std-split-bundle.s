# expect: V6 std
# why: an M6 whose std is in the previous bundle
	.text
	.p2align 5
	.fill 31, 1, 0x90
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	cld
	int3
