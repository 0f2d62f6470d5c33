# expect: V6 indirect-branch
# why: an M2 whose call is in the next bundle
	.text
	.p2align 5
	.fill 25, 1, 0x90
	andl $-32, %r11d
	orq %r14, %r11
	callq *%r11
