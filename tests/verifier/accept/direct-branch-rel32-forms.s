# accept: rel32 encodings of short-range jmp/jcc/call
	.text
	.bundle_align_mode 5
	{disp32} jmp 1f
	{disp32} je 1f
	int3
1:
	int3
