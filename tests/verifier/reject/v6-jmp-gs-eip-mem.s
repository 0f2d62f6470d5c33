# expect: V6 indirect-branch
# why: jmpq *%gs:d(%eip): a memory-indirect jump, even though the operand is eip-relative
	.text
	.bundle_align_mode 5
	jmpq *%gs:0(%eip)
	int3
	int3
	int3
	int3
	int3
	int3
	int3
	int3
