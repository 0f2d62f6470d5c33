# expect: V6 indirect-branch
# why: N=-8 reads below the sandbox (guard or neighbour)
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *-8(%r14)
1:
	.bundle_unlock
