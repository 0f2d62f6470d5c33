# expect: V2 isa-set
# why: MPX bndldx reads a bounds table at an address computed from %rax
	.text
	.bundle_align_mode 5
	bndldx 8(%rsp), %bnd0
	int3
