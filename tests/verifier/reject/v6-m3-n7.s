# expect: V6 indirect-branch
# why: N=7 reads a misaligned, mixed table entry
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *7(%r14)
1:
	.bundle_unlock
