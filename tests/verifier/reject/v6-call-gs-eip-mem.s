# expect: V6 indirect-branch
# why: callq *%gs:d(%eip): a memory-indirect call, even though the operand is eip-relative
	.text
	.bundle_align_mode 5
	callq *%gs:0(%eip)
	int3
	int3
	int3
	int3
	int3
	int3
	int3
	int3
