# expect: V2 forbidden
# why: ud1 (0f b9 /r) is not one of the allowed traps (int3, ud2, hlt)
	.text
	.bundle_align_mode 5
	ud1 %eax, %eax
