# expect: V6 indirect-branch
# why: a segment override moves the table slot
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *%gs:8(%r14)
1:
	.bundle_unlock
