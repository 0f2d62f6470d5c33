# expect: V7 string-op
# why: an M5 whose string instruction is in the next bundle
	.text
	.p2align 5
	.fill 26, 1, 0x90
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	int3
