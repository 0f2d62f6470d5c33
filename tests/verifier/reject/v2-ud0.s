# expect: V2 forbidden
# why: ud0 (0f ff /r) is not one of the allowed traps (int3, ud2, hlt); Intel decodes it with a ModRM byte, AMD without, so its length differs between vendors
	.text
	.bundle_align_mode 5
	.balign 32
	.byte 0x0f, 0xff, 0xc0	# ud0 %eax, %eax (Intel: 3 bytes; AMD: 0f ff is 2 bytes)
