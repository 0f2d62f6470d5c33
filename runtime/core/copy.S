/*
 * int lfi_copy_checked(void *dst, const void *src, size_t n)
 *
 * memcpy for copies between host and box memory that may fault: a box
 * page can be unmapped, PROT_NONE, or a file page past its end, and
 * another sandbox thread can unmap it during the copy. Every instruction
 * that touches memory lies in [lfi_copy_checked, lfi_copy_end); the
 * runtime's fault handler (signals.c) sends a SIGSEGV/SIGBUS there to
 * lfi_copy_fixup, which returns -EFAULT (14). Usable only while the fault
 * handler is installed (lfi_signals_catch_faults). Eight bytes at a time,
 * then bytes: `rep movsb` costs about 60 ns to start, more than most of
 * these copies (a return address, a timespec, a path).
 */
	.text
	.globl	lfi_copy_checked
	.hidden	lfi_copy_checked
	.type	lfi_copy_checked, @function
lfi_copy_checked:
	movq	%rdx, %rcx
	shrq	$3, %rcx
	jz	2f
1:	movq	(%rsi), %rax
	movq	%rax, (%rdi)
	addq	$8, %rsi
	addq	$8, %rdi
	decq	%rcx
	jnz	1b
2:	andl	$7, %edx
	jz	4f
3:	movb	(%rsi), %al
	movb	%al, (%rdi)
	incq	%rsi
	incq	%rdi
	decl	%edx
	jnz	3b
4:	xorl	%eax, %eax
	ret
	.globl	lfi_copy_end
	.hidden	lfi_copy_end
lfi_copy_end:
	.globl	lfi_copy_fixup
	.hidden	lfi_copy_fixup
lfi_copy_fixup:
	movl	$-14, %eax
	ret
	.size	lfi_copy_checked, . - lfi_copy_checked

	.section .note.GNU-stack,"",@progbits
