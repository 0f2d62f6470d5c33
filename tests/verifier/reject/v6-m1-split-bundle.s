# expect: V6 indirect-branch
# why: an M1 straddling a bundle boundary: a jump to the second bundle skips the mask
	.text
	.p2align 5
	.fill 29, 1, 0x90
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
