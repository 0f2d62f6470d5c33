# expect: V2 forbidden
# why: xlat reads [%rbx+%al], a hidden memory operand
	.text
	.bundle_align_mode 5
	xlat
	int3
