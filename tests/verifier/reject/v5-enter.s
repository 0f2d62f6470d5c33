# expect: V5 writes-rsp
# why: enter writes %rsp (and %rbp)
	.text
	.bundle_align_mode 5
	enter $16, $0
	int3
