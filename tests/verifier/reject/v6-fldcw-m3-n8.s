# expect: V6 fp-control
# why: an M7 must end with runtime call 32, not 8
	.text
	.bundle_align_mode 5
	.bundle_lock
	fldcw 8(%rsp)
	leaq 1f(%rip), %r11
	jmpq *8(%r14)
1:
	.bundle_unlock
	int3
