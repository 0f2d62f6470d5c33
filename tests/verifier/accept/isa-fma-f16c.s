# accept: FMA and F16C
	.text
	.bundle_align_mode 5
	vfmadd231ps %ymm0, %ymm1, %ymm2
	vfmadd213sd %gs:(%eax), %xmm1, %xmm2
	vfnmsub132pd 8(%rsp), %ymm3, %ymm4
	vcvtph2ps %xmm0, %ymm1
	vcvtps2ph $0, %ymm1, %gs:(%ecx)
	int3
