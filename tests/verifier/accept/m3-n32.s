# accept: M3 runtime call N=32 (FP environment changed (bare M3 with N=32))
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
