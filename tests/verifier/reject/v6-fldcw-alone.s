# expect: V6 fp-control
# why: x87 control word change the runtime is not told about
	.text
	.bundle_align_mode 5
	fldcw (%rsp)
	int3
