# accept: MOVBE and ADX
	.text
	.bundle_align_mode 5
	movbe %gs:(%eax), %ecx
	movbe %rdx, %gs:(%ebx)
	adcx %rax, %rcx
	adox %gs:(%edx), %rbx
	int3
