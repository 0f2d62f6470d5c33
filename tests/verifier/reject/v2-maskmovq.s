# expect: V2 isa-set
# why: maskmovq writes [%rdi], a hidden operand
	.text
	.bundle_align_mode 5
	maskmovq %mm1, %mm0
	int3
