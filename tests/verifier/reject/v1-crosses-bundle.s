# expect: V1 crosses-bundle
# why: an instruction straddling the 32-byte boundary could be entered at its second half
	.text
	.p2align 5
	.fill 30, 1, 0x90
	movl $0x050fc3c3, %eax
	int3
