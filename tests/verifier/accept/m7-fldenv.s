# accept: M7 with fldenv
	.text
	.bundle_align_mode 5
	.bundle_lock
	fldenv %gs:(%edi)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
