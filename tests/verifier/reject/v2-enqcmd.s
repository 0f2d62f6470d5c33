# expect: V2 isa-set
# why: enqcmd writes 64 bytes through an implicit es: destination
	.text
	.bundle_align_mode 5
	enqcmd %gs:(%eax), %eax
	int3
