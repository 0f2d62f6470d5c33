# expect: V6 indirect-branch
# why: without the or the target is a host address below 4 GiB
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	jmpq *%rax
	.bundle_unlock
