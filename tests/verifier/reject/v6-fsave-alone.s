# expect: V6 fp-control
# why: fsave = fwait; fnsave
	.text
	.bundle_align_mode 5
	fsave 8(%rsp)
	int3
