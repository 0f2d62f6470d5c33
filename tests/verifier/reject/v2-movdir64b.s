# expect: V2 isa-set
# why: movdir64b writes 64 bytes at es:[%ecx], a hidden operand with no %gs
	.text
	.bundle_align_mode 5
	movdir64b %gs:(%eax), %ecx
	int3
