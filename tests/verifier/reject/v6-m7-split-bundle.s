# expect: V6 fp-control
# why: an M7 whose M3 is in the next bundle
	.text
	.p2align 5
	.fill 27, 1, 0x90
	ldmxcsr 8(%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	int3
