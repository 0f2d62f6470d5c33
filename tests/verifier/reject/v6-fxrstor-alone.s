# expect: V6 fp-control
# why: fxrstor loads both MXCSR and the x87 control word
	.text
	.bundle_align_mode 5
	fxrstor %gs:(%ebx)
	int3
