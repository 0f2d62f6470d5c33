# expect: V6 indirect-branch
# why: the return address must be in %r11
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %rax
	jmpq *0(%r14)
1:
	.bundle_unlock
