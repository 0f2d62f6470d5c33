# expect: V6 indirect-branch
# why: N=4 is not a multiple of 8
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *4(%r14)
1:
	.bundle_unlock
