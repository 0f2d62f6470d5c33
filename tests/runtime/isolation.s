# Sandbox code for tests/runtime/isolation.c, assembled with `as` (not the
# rewriter) and checked by lfi_box_map_code's verifier. Each function sits
# at a fixed offset (.org) so the test can name it.
	.bundle_align_mode 5
	.text

# 0x000 cross_box(stub): calls the callback stub it is given, then reads
# %gs:0x40000 (the box's marker) and writes %gs:0x40004.
cross_box:
	.bundle_lock
	andl	$0xffffffe0, %edi
	orq	%r14, %rdi
	.nops	24
	callq	*%rdi
	.bundle_unlock
	xorl	%ecx, %ecx
	movl	%gs:0x40000(%ecx), %eax
	movl	$0x41414141, %gs:0x40004(%ecx)
	popq	%r11
	.bundle_lock
	andl	$0xffffffe0, %r11d
	orq	%r14, %r11
	jmpq	*%r11
	.bundle_unlock

# 0x080 seven(): returns 7
	.org	0x80, 0xcc
seven:
	movl	$7, %eax
	popq	%r11
	.bundle_lock
	andl	$0xffffffe0, %r11d
	orq	%r14, %r11
	jmpq	*%r11
	.bundle_unlock

# 0x100 x87_full(): leaves eight values on the x87 stack, no call 32
	.org	0x100, 0xcc
x87_full:
	fld1
	fld1
	fld1
	fld1
	fld1
	fld1
	fld1
	fld1
	popq	%r11
	.bundle_lock
	andl	$0xffffffe0, %r11d
	orq	%r14, %r11
	jmpq	*%r11
	.bundle_unlock

# 0x180 masks_x87(): fnstenv masks every x87 exception, no M7
	.org	0x180, 0xcc
masks_x87:
	fnstenv	-32(%rsp)
	popq	%r11
	.bundle_lock
	andl	$0xffffffe0, %r11d
	orq	%r14, %r11
	jmpq	*%r11
	.bundle_unlock

# 0x200 vectors(): 1 if any of %xmm0-%xmm15 is not zero at entry
	.org	0x200, 0xcc
vectors:
	por	%xmm1, %xmm0
	por	%xmm2, %xmm0
	por	%xmm3, %xmm0
	por	%xmm4, %xmm0
	por	%xmm5, %xmm0
	por	%xmm6, %xmm0
	por	%xmm7, %xmm0
	por	%xmm8, %xmm0
	por	%xmm9, %xmm0
	por	%xmm10, %xmm0
	por	%xmm11, %xmm0
	por	%xmm12, %xmm0
	por	%xmm13, %xmm0
	por	%xmm14, %xmm0
	por	%xmm15, %xmm0
	xorl	%eax, %eax
	ptest	%xmm0, %xmm0
	setnz	%al
	popq	%r11
	.bundle_lock
	andl	$0xffffffe0, %r11d
	orq	%r14, %r11
	jmpq	*%r11
	.bundle_unlock

# 0x280 faults(): writes the box's read-only first page
	.org	0x280, 0xcc
faults:
	xorl	%ecx, %ecx
	movl	$1, %gs:(%ecx)
	popq	%r11
	.bundle_lock
	andl	$0xffffffe0, %r11d
	orq	%r14, %r11
	jmpq	*%r11
	.bundle_unlock

# 0x300 vectors_after(stub): calls the callback stub, then 1 if any of
# %xmm2-%xmm15 is not zero (the host function filled them)
	.org	0x300, 0xcc
vectors_after:
	.bundle_lock
	andl	$0xffffffe0, %edi
	orq	%r14, %rdi
	.nops	24
	callq	*%rdi
	.bundle_unlock
	pxor	%xmm0, %xmm0
	por	%xmm2, %xmm0
	por	%xmm3, %xmm0
	por	%xmm4, %xmm0
	por	%xmm5, %xmm0
	por	%xmm6, %xmm0
	por	%xmm7, %xmm0
	por	%xmm8, %xmm0
	por	%xmm9, %xmm0
	por	%xmm10, %xmm0
	por	%xmm11, %xmm0
	por	%xmm12, %xmm0
	por	%xmm13, %xmm0
	por	%xmm14, %xmm0
	por	%xmm15, %xmm0
	xorl	%eax, %eax
	ptest	%xmm0, %xmm0
	setnz	%al
	popq	%r11
	.bundle_lock
	andl	$0xffffffe0, %r11d
	orq	%r14, %r11
	jmpq	*%r11
	.bundle_unlock
	.p2align 5, 0xcc
