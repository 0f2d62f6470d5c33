# expect: V6 indirect-branch
# why: addr32 reads the low 4 GiB of the host
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *8(%r14d)
1:
	.bundle_unlock
