# expect: V2 isa-set
# why: leaks the GDT address (KASLR)
	.text
	.bundle_align_mode 5
	sgdt %gs:(%eax)
	int3
