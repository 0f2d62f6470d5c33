# accept: M3 whose jmpq encodes N with a 32-bit displacement
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	{disp32} jmpq *8(%r14)
1:
	.bundle_unlock
	int3
