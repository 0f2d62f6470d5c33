# accept: %ah..%bh are not %spl..%dil
	.text
	.bundle_align_mode 5
	orb $12, %ah
	xchg %ah, %al
	movb %gs:1(%esp), %ah
	movb %ch, %dh
	addb %bh, %bl
	shrb $4, %ch
	movzbl %ah, %eax
	testb $1, %bh
	movb $0, %ah
	xchgb %ch, %dh
	incb %bh
	setne %al
	movb 1(%rsp), %ah
	int3
