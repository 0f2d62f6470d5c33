# accept: AES, PCLMULQDQ, SHA
	.text
	.bundle_align_mode 5
	aesenc %xmm0, %xmm1
	aesenclast %gs:(%eax), %xmm1
	aesdec %xmm2, %xmm3
	aeskeygenassist $1, %xmm0, %xmm1
	aesimc %xmm1, %xmm2
	pclmulqdq $0x11, %xmm0, %xmm1
	vpclmulqdq $0, %xmm1, %xmm2, %xmm3
	vaesenc %xmm1, %xmm2, %xmm3
	sha256rnds2 %xmm0, %xmm1, %xmm2
	sha1rnds4 $0, %xmm1, %xmm2
	sha256msg1 %gs:(%ecx), %xmm3
	int3
