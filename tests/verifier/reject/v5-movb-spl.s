# expect: V5 writes-rsp
# why: an 8-bit write of %spl (not %ah: REX-encoded)
	.text
	.bundle_align_mode 5
	movb %al, %spl
	int3
