# expect: V1 truncated
# why: the section ends inside a call rel32
	.text
	.p2align 5
	nop
	.byte 0xe8, 0x00, 0x00
