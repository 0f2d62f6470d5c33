# expect: V5 writes-rsp
# why: sets %rsp to a host address
	.text
	.bundle_align_mode 5
	movabsq $0x7ffff0000000, %rsp
	int3
