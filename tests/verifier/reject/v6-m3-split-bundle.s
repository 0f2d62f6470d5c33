# expect: V6 indirect-branch
# why: an M3 whose jmpq is in the next bundle
	.text
	.p2align 5
	.fill 25, 1, 0x90
	leaq 1f(%rip), %r11
	jmpq *8(%r14)
1:
	int3
