# accept: short and near direct jumps forwards and backwards
	.text
	.bundle_align_mode 5
1:
	jmp 2f
	nop
2:
	jmp 3f
	.fill 200, 1, 0x90
3:
	jmp 1b
	jmp 2b
	jmp 4f
4:
	int3
