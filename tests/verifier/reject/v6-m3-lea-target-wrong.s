# expect: V6 indirect-branch
# why: the runtime returns to an address other than the end of the jmpq
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f+1(%rip), %r11
	jmpq *0(%r14)
1:
	int3
	.bundle_unlock
