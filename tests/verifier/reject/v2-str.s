# expect: V2 isa-set
# why: str is denylisted
	.text
	.bundle_align_mode 5
	str %eax
	int3
