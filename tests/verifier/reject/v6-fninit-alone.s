# expect: V6 fp-control
# why: fninit resets the x87 control word
	.text
	.bundle_align_mode 5
	fninit
	int3
