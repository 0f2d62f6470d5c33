# expect: V6 fp-control
# why: x87 state restore
	.text
	.bundle_align_mode 5
	frstor 16(%rsp)
	int3
