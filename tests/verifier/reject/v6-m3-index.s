# expect: V6 indirect-branch
# why: an index register makes the table slot arbitrary
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *8(%r14,%rax)
1:
	.bundle_unlock
