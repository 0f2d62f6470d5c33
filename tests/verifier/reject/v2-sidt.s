# expect: V2 isa-set
# why: leaks the IDT address (KASLR)
	.text
	.bundle_align_mode 5
	sidt %gs:(%eax)
	int3
