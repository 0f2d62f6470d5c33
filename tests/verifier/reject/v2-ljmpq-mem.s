# expect: V2 forbidden
# why: far jump with a 64-bit offset (REX.W ff /5)
	.text
	.bundle_align_mode 5
	rex64 ljmp *%gs:8(%ecx)
	int3
