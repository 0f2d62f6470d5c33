# accept: RDRAND and RDSEED
	.text
	.bundle_align_mode 5
1:
	rdrand %rax
	jnc 1b
2:
	rdseed %ecx
	jnc 2b
	int3
