# expect: V2 forbidden
# why: privileged
	.text
	.bundle_align_mode 5
	invd
	int3
