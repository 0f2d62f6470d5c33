# expect: V6 fp-control
# why: fnsave reinitialises the x87 unit
	.text
	.bundle_align_mode 5
	fnsave %gs:(%eax)
	int3
