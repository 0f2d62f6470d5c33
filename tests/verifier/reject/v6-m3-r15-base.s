# expect: V6 indirect-branch
# why: the table is at %r14, not %r15
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *8(%r15)
1:
	.bundle_unlock
