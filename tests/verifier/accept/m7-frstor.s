# accept: M7 with frstor
	.text
	.bundle_align_mode 5
	.bundle_lock
	frstor 16(%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
