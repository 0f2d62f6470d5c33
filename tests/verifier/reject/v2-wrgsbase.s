# expect: V2 isa-set
# why: moves %gs: every G-form access would leave the sandbox
	.text
	.bundle_align_mode 5
	wrgsbase %rax
	int3
