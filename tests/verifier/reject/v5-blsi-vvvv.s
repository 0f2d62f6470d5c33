# expect: V5 writes-rsp
# why: BMI1 blsi writes %rsp through VEX.vvvv
	.text
	.bundle_align_mode 5
	blsi %rax, %rsp
	int3
