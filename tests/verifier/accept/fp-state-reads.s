# accept: FP-state stores/reads are not FP-control writes
	.text
	.bundle_align_mode 5
	fnstenv %gs:(%eax)
	fnstcw 8(%rsp)
	stmxcsr -4(%rsp)
	vstmxcsr %gs:(%ecx)
	fnstsw %ax
	fnstsw %gs:(%edx)
	fnclex
	fwait
	int3
