# expect: V6 fp-control
# why: x87 environment load (can unmask exceptions)
	.text
	.bundle_align_mode 5
	fldenv %gs:(%edi)
	int3
