# accept: every condition code, short and near
	.text
	.bundle_align_mode 5
0:
	jo 1f
	jno 1f
	jb 1f
	jae 1f
	je 1f
	jne 1f
	jbe 1f
	ja 1f
	js 1f
	jns 1f
	jp 1f
	jnp 1f
	jl 1f
	jge 1f
	jle 1f
	jg 1f
1:
	jo 0b
	jno 0b
	jb 0b
	jae 0b
	je 0b
	jne 0b
	jbe 0b
	ja 0b
	js 0b
	jns 0b
	jp 0b
	jnp 0b
	jl 0b
	jge 0b
	jle 0b
	jg 0b
	je 2f
	.fill 300, 1, 0x90
2:
	jne 0b
	int3
