# expect: V2 isa-set
# why: wrpkru changes memory protection keys
	.text
	.bundle_align_mode 5
	wrpkru
	int3
