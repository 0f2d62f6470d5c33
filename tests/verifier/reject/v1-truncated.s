# expect: V1 truncated
# why: the section ends inside an instruction (48 8b needs a ModRM byte)
	.text
	.p2align 5
	nop
	.byte 0x48, 0x8b
