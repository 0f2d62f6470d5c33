# expect: V2 isa-set
# why: CET shadow-stack instructions are not allowed
	.text
	.bundle_align_mode 5
	rdsspq %rax
	int3
