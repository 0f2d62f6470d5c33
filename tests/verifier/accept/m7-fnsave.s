# accept: M7 with fnsave
	.text
	.bundle_align_mode 5
	.bundle_lock
	fnsave %gs:(%eax,%ecx,1)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
