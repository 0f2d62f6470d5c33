# expect: V5 writes-rsp
# why: mulx writes %rsp through VEX.vvvv
	.text
	.bundle_align_mode 5
	mulxq %rax, %rsp, %rbx
	int3
