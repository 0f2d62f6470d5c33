# expect: V4 writes-r14
# why: mov imm8 into %r14b (b0+r form with REX.B)
	.text
	.bundle_align_mode 5
	movb $5, %r14b
	int3
