# expect: V2 forbidden
# why: port I/O
	.text
	.bundle_align_mode 5
	inl (%dx), %eax
	int3
