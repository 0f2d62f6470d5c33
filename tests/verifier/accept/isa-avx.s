# accept: AVX with G and S memory operands
	.text
	.bundle_align_mode 5
	vmovups %gs:(%eax), %ymm0
	vaddps %ymm1, %ymm0, %ymm2
	vbroadcastss %gs:(%ecx), %ymm3
	vmulpd 32(%rsp), %ymm4, %ymm5
	vperm2f128 $0x21, %ymm1, %ymm2, %ymm3
	vmaskmovps %gs:(%edx), %ymm1, %ymm2
	vmaskmovps %ymm2, %ymm1, %gs:(%edx)
	vextractf128 $1, %ymm3, %xmm4
	vtestps %ymm1, %ymm2
	vzeroupper
	vzeroall
	vmovdqa %ymm0, -64(%rsp)
	int3
