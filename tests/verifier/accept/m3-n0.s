# accept: M3 runtime call N=0 (system call)
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *0(%r14)
1:
	.bundle_unlock
	int3
