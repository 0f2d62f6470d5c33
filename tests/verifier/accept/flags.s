# accept: flag instructions other than popf and std
	.text
	.bundle_align_mode 5
	pushfq
	popq %rax
	lahf
	sahf
	clc
	stc
	cmc
	cld
	int3
