# expect: V5 writes-rsp
# why: unmasked stack realignment (gcc prologue)
	.text
	.bundle_align_mode 5
	andq $-16, %rsp
	int3
