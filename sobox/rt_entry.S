/*
 * rt_entry.S - the trampolines' out-of-line calls into C (rt_calls.c,
 * rt_thread.c). Each keeps every argument register of the export being
 * called (%rdi-%r9, %rax for %al, %ymm0-7 or %xmm0-7), %r10 and %r11
 * except where it returns something there, and the results (%rax %rdx
 * %rcx %xmm0 %xmm1), so the trampoline can go on as if nothing happened.
 */
#include "core/thread.h"

	.text

.macro	SAVE_ARGS
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rax			/* -8(%rbp) */
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10			/* -64(%rbp) */
	pushq	%r11			/* -72(%rbp) */
	subq	$256, %rsp
	andq	$-32, %rsp
	cmpl	$0, lfi_have_avx(%rip)
	je	1f
	vmovdqu	%ymm0, 0(%rsp)
	vmovdqu	%ymm1, 32(%rsp)
	vmovdqu	%ymm2, 64(%rsp)
	vmovdqu	%ymm3, 96(%rsp)
	vmovdqu	%ymm4, 128(%rsp)
	vmovdqu	%ymm5, 160(%rsp)
	vmovdqu	%ymm6, 192(%rsp)
	vmovdqu	%ymm7, 224(%rsp)
	jmp	2f
1:	movdqu	%xmm0, 0(%rsp)
	movdqu	%xmm1, 32(%rsp)
	movdqu	%xmm2, 64(%rsp)
	movdqu	%xmm3, 96(%rsp)
	movdqu	%xmm4, 128(%rsp)
	movdqu	%xmm5, 160(%rsp)
	movdqu	%xmm6, 192(%rsp)
	movdqu	%xmm7, 224(%rsp)
2:
.endm

.macro	RESTORE_ARGS
	cmpl	$0, lfi_have_avx(%rip)
	je	3f
	vmovdqu	0(%rsp), %ymm0
	vmovdqu	32(%rsp), %ymm1
	vmovdqu	64(%rsp), %ymm2
	vmovdqu	96(%rsp), %ymm3
	vmovdqu	128(%rsp), %ymm4
	vmovdqu	160(%rsp), %ymm5
	vmovdqu	192(%rsp), %ymm6
	vmovdqu	224(%rsp), %ymm7
	jmp	4f
3:	movdqu	0(%rsp), %xmm0
	movdqu	32(%rsp), %xmm1
	movdqu	64(%rsp), %xmm2
	movdqu	96(%rsp), %xmm3
	movdqu	128(%rsp), %xmm4
	movdqu	160(%rsp), %xmm5
	movdqu	192(%rsp), %xmm6
	movdqu	224(%rsp), %xmm7
4:	leaq	-72(%rbp), %rsp
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	popq	%rbp
.endm

.macro	FUNCTION name
	.globl	\name
	.hidden	\name
	.type	\name, @function
\name:
.endm

/* A thread's first call: %r11 = its context (sobox_attach), or 0. */
FUNCTION sobox_attach_thread
	SAVE_ARGS
	call	sobox_attach
	movq	%rax, -72(%rbp)
	RESTORE_ARGS
	ret
	.size	sobox_attach_thread, . - sobox_attach_thread

/* The nested path's first check: %r10 = sobox_busy_check(current run,
   the trampoline's %rsp). */
FUNCTION sobox_busy
	SAVE_ARGS
	movq	%fs:LFI_SLOT_CTX, %rdi
	leaq	16(%rbp), %rsi
	call	sobox_busy_check
	movq	%rax, -64(%rbp)
	RESTORE_ARGS
	ret
	.size	sobox_busy, . - sobox_busy

/* The context was closed by a destroy (sobox_closed_c): %r10 = 0 to
   call again from the start, else the call fails. */
FUNCTION sobox_closed
	SAVE_ARGS
	call	sobox_closed_c
	movslq	%eax, %rax
	movq	%rax, -64(%rbp)
	RESTORE_ARGS
	ret
	.size	sobox_closed, . - sobox_closed

/* An out-value at box address %r11 forced into the box. */
FUNCTION sobox_force_out
	SAVE_ARGS
	movq	%r11, %rdi
	call	sobox_force_out_c
	RESTORE_ARGS
	ret
	.size	sobox_force_out, . - sobox_force_out

/* A run ended through lfi_leave (%rcx = 0): sobox_left(current run). */
FUNCTION sobox_left_run
	SAVE_ARGS
	movq	%fs:LFI_SLOT_CTX, %rdi
	call	sobox_left
	RESTORE_ARGS
	ret
	.size	sobox_left_run, . - sobox_left_run

/* The result of a failed call of a long double function: a quiet NaN. */
	.section .rodata
	.p2align 4
	.globl	sobox_x87_nan
	.hidden	sobox_x87_nan
sobox_x87_nan:
	.quad	0xc000000000000000
	.short	0x7fff
	.p2align 4

	.section .note.GNU-stack,"",@progbits
