# expect: V5 writes-rsp
# why: leave copies %rbp into %rsp
	.text
	.bundle_align_mode 5
	leave
	int3
