# expect: V3 memory-operand
# why: btc with a 64-bit register offset writes up to 2^60 bytes from the code
	.text
	.bundle_align_mode 5
	btcq %rax, var(%rip)
	int3
