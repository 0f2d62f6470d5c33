# expect: V6 fp-control
# why: finit = fwait; fninit
	.text
	.bundle_align_mode 5
	finit
	int3
