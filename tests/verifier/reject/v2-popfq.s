# expect: V2 forbidden
# why: popf can set the AC and TF flags (and DF)
	.text
	.bundle_align_mode 5
	popfq
	int3
