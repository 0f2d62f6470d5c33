# expect: V5 writes-rsp
# why: AVX2 mask extraction into %esp
	.text
	.bundle_align_mode 5
	vpmovmskb %ymm0, %esp
	int3
