# expect: V5 writes-rsp
# why: M4 addl without the or
	.text
	.bundle_align_mode 5
	addl $64, %esp
	int3
