# expect: V6 indirect-branch
# why: N=4096 reads writable sandbox memory
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *4096(%r14)
1:
	.bundle_unlock
