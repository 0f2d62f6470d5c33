# expect: V6 indirect-branch
# why: N=256 is past the 32-entry table (sandbox memory)
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *256(%r14)
1:
	.bundle_unlock
