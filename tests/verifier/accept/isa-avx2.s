# accept: AVX2 (no gathers)
	.text
	.bundle_align_mode 5
	vpaddd %ymm0, %ymm1, %ymm2
	vpermd %ymm0, %ymm1, %ymm2
	vpbroadcastd %gs:(%eax), %ymm3
	vpshufb %ymm1, %ymm2, %ymm3
	vpmaskmovd %gs:(%ecx), %ymm1, %ymm2
	vpmaskmovq %ymm2, %ymm1, %gs:(%ecx)
	vpsllvd %ymm1, %ymm2, %ymm3
	vpblendd $0x0f, %ymm1, %ymm2, %ymm3
	vinserti128 $1, %gs:(%edx), %ymm1, %ymm2
	vpcmpeqb %ymm1, %ymm2, %ymm3
	vpmovmskb %ymm3, %eax
	int3
