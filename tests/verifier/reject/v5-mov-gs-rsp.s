# expect: V5 writes-rsp
# why: loads %rsp from sandbox memory
	.text
	.bundle_align_mode 5
	movq %gs:(%eax), %rsp
	int3
