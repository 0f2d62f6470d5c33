# expect: V6 fp-control
# why: MXCSR change the runtime is not told about
	.text
	.bundle_align_mode 5
	ldmxcsr 8(%rsp)
	int3
