# expect: V6 std
# why: a lone std leaves DF set when control reaches the runtime or the host
	.text
	.bundle_align_mode 5
	std
	int3
