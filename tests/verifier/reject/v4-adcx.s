# expect: V4 writes-r14
# why: ADX adcx writes %r14
	.text
	.bundle_align_mode 5
	adcxq %rax, %r14
	int3
