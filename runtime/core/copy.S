/*
 * int lfi_copy_checked(void *dst, const void *src, size_t n)
 *
 * memcpy for copies between host and box memory that may fault: a box
 * page can be unmapped, PROT_NONE, or a file page past its end, and
 * another sandbox thread can unmap it during the copy. The one
 * instruction that touches memory is at lfi_copy_fault_pc; the runtime's
 * fault handler (signals.c) sends a SIGSEGV/SIGBUS there to
 * lfi_copy_fixup, which returns -EFAULT (14). Usable only while the fault
 * handler is installed (lfi_signals_catch_faults).
 */
	.text
	.globl	lfi_copy_checked
	.hidden	lfi_copy_checked
	.type	lfi_copy_checked, @function
lfi_copy_checked:
	movq	%rdx, %rcx
	.globl	lfi_copy_fault_pc
	.hidden	lfi_copy_fault_pc
lfi_copy_fault_pc:
	rep movsb
	xorl	%eax, %eax
	ret
	.globl	lfi_copy_fixup
	.hidden	lfi_copy_fixup
lfi_copy_fixup:
	movl	$-14, %eax
	ret
	.size	lfi_copy_checked, . - lfi_copy_checked

	.section .note.GNU-stack,"",@progbits
