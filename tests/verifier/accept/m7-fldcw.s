# accept: M7 with fldcw (S and R forms)
	.text
	.bundle_align_mode 5
	.bundle_lock
	fldcw (%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	.bundle_lock
	fldcw cw(%rip)
	leaq 2f(%rip), %r11
	jmpq *32(%r14)
2:
	.bundle_unlock
	int3
	.data
	cw: .short 0x37f
