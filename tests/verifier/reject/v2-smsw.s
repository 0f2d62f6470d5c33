# expect: V2 isa-set
# why: smsw is denylisted
	.text
	.bundle_align_mode 5
	smsw %eax
	int3
