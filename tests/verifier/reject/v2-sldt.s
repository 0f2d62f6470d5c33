# expect: V2 isa-set
# why: sldt is denylisted
	.text
	.bundle_align_mode 5
	sldt %eax
	int3
