# expect: V5 writes-rsp
# why: BMI2 shlx writes %rsp
	.text
	.bundle_align_mode 5
	shlxq %rax, %rbx, %rsp
	int3
