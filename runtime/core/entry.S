/*
 * entry.S - transitions between the host and a box (lfi-x64.md,
 * "Runtime calls" and "Runtime rules").
 *
 * lfi_enter runs sandbox code on the calling host thread; the runtime
 * calls come back through the table in the box's first page with the
 * return address in %r11 and the sandbox's %rsp still pointing into the
 * box. No entry writes sandbox memory: the context is found through the
 * host's %fs (thread.h explains the TCB words) and every runtime call
 * that runs C switches to the host stack saved by lfi_enter. Returns into
 * the box go to the %r11 received, forced into the box (base + low 32
 * bits) so that no value can send them elsewhere.
 */
#include "thread.h"
#include "trampoline.h"	/* LFI_TRAMP_SAVE, LFI_TRAMP_RESTORE */

	.text

/* Zero %xmm2-%xmm15 (whole %ymm with AVX), keeping results in 0 and 1. */
.macro	CLEAR_VECTORS_BUT_RESULTS
	cmpl	$0, lfi_have_avx(%rip)
	je	5f
	vpxor	%xmm2, %xmm2, %xmm2
	vpxor	%xmm3, %xmm3, %xmm3
	vpxor	%xmm4, %xmm4, %xmm4
	vpxor	%xmm5, %xmm5, %xmm5
	vpxor	%xmm6, %xmm6, %xmm6
	vpxor	%xmm7, %xmm7, %xmm7
	vpxor	%xmm8, %xmm8, %xmm8
	vpxor	%xmm9, %xmm9, %xmm9
	vpxor	%xmm10, %xmm10, %xmm10
	vpxor	%xmm11, %xmm11, %xmm11
	vpxor	%xmm12, %xmm12, %xmm12
	vpxor	%xmm13, %xmm13, %xmm13
	vpxor	%xmm14, %xmm14, %xmm14
	vpxor	%xmm15, %xmm15, %xmm15
	jmp	6f
5:	pxor	%xmm2, %xmm2
	pxor	%xmm3, %xmm3
	pxor	%xmm4, %xmm4
	pxor	%xmm5, %xmm5
	pxor	%xmm6, %xmm6
	pxor	%xmm7, %xmm7
	pxor	%xmm8, %xmm8
	pxor	%xmm9, %xmm9
	pxor	%xmm10, %xmm10
	pxor	%xmm11, %xmm11
	pxor	%xmm12, %xmm12
	pxor	%xmm13, %xmm13
	pxor	%xmm14, %xmm14
	pxor	%xmm15, %xmm15
6:
.endm

/* Zero every vector register (whole %ymm with AVX). */
.macro	CLEAR_VECTORS
	cmpl	$0, lfi_have_avx(%rip)
	je	3f
	vpxor	%xmm0, %xmm0, %xmm0
	vpxor	%xmm1, %xmm1, %xmm1
	jmp	4f
3:	pxor	%xmm0, %xmm0
	pxor	%xmm1, %xmm1
4:	CLEAR_VECTORS_BUT_RESULTS
.endm

/*
 * long lfi_enter(struct lfi_thread *t, uint64_t pc, uint64_t sp,
 *                const uint64_t args[6])
 * Saves the host's callee-saved registers and the TCB words on the host
 * stack, records that stack in t->host_rsp, and jumps to pc with the
 * arguments and nothing else of the host in the general registers.
 */
	.globl	lfi_enter
	.hidden	lfi_enter
	.type	lfi_enter, @function
lfi_enter:
	LFI_TRAMP_SAVE
	pushq	%fs:LFI_SLOT_CTX
	pushq	%fs:LFI_SLOT_RET
	pushq	%fs:LFI_SLOT_TP
	pushq	%fs:LFI_SLOT_FPDIRTY
	pushq	LFI_T_SBX_RSP(%rdi)	/* an outer run's runtime call */
	pushq	LFI_T_SBX_RET(%rdi)
	pushq	LFI_T_HOST_RSP(%rdi)	/* an outer run's host stack */
	/* current and in a run (not in a callback of it) before the host's
	   FP words are saved: a signal handler calling in from here on is
	   refused (trampoline.h, LFI_TRAMP_NESTED_SP) instead of overwriting
	   them */
	movq	%rsp, LFI_T_HOST_RSP(%rdi)
	movq	%rdi, %fs:LFI_SLOT_CTX
	movl	$0, LFI_T_HOST_MXCSR(%rdi)
	stmxcsr	LFI_T_HOST_MXCSR(%rdi)
	fnstcw	LFI_T_HOST_FCW(%rdi)
	pushq	%rdi
	pushq	LFI_T_RET_SP(%rdi)	/* LFI_FRAME_RET_SP */
	call	1f
	/* every way out comes here (LFI_FRAME_EXIT) */
	addq	$8, %rsp
	jmp	return_to_host
1:	movq	%rsp, LFI_T_HOST_RSP(%rdi)
	movq	%rdi, %fs:LFI_SLOT_CTX
	movq	LFI_T_TP(%rdi), %rax
	movq	%rax, %fs:LFI_SLOT_TP
	movq	$0, %fs:LFI_SLOT_FPDIRTY
	/* no host data in the x87 stack (emptied; the control word stays
	   the host's) or in the vector registers (the arguments are
	   integers) */
	fnclex
	emms
	CLEAR_VECTORS
	movq	LFI_T_BASE(%rdi), %r14
	movq	%rsi, %r11
	movq	%rdx, %rsp
	movq	%rcx, %r10
	movq	0(%r10), %rdi
	movq	8(%r10), %rsi
	movq	16(%r10), %rdx
	movq	24(%r10), %rcx
	movq	32(%r10), %r8
	movq	40(%r10), %r9
	xorl	%eax, %eax
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%r10d, %r10d
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r15d, %r15d
	cld
	jmpq	*%r11
	.size	lfi_enter, . - lfi_enter

/*
 * Back to the host: %rsp is the frame lfi_enter built, %rax (and %rdx)
 * the result. The x87 state is the host's again whatever the
 * sandbox did (fnstenv, for one, masks exceptions without runtime call
 * 32; a full x87 stack would make the host's next fld a NaN): no pending
 * exception, an empty stack (so no long double result: lfi_enter's
 * callers take integers), the host's control word and MXCSR (also when
 * the box ended between its ldmxcsr and the call 32 after it). The
 * vector registers that may carry a result are left alone.
 */
return_to_host:
	movq	%fs:LFI_SLOT_CTX, %rcx
	fnclex
	emms
	fldcw	LFI_T_HOST_FCW(%rcx)
	ldmxcsr	LFI_T_HOST_MXCSR(%rcx)	/* always: a stop can land before call 32 */
	popq	%rdi
	popq	LFI_T_HOST_RSP(%rdi)
	popq	LFI_T_SBX_RET(%rdi)
	popq	LFI_T_SBX_RSP(%rdi)
	popq	%fs:LFI_SLOT_FPDIRTY
	popq	%fs:LFI_SLOT_TP
	popq	%fs:LFI_SLOT_RET
	popq	%fs:LFI_SLOT_CTX
	LFI_TRAMP_RESTORE
	ret

/* void lfi_leave(struct lfi_thread *t, long value): from C on the host
   stack of a runtime call; unwinds to the innermost lfi_enter. */
	.globl	lfi_leave
	.hidden	lfi_leave
	.type	lfi_leave, @function
lfi_leave:
	movq	%rsi, %rax
	xorl	%edx, %edx
	xorl	%ecx, %ecx		/* trampoline.h: the run was abandoned */
	/* FP-dirty: a fault or a stop may land between a control-word write
	   and its runtime call 32, and sigreturn brought the box's words */
	movq	$1, %fs:LFI_SLOT_FPDIRTY
	movq	LFI_T_HOST_RSP(%rdi), %rsp
	ret				/* to the frame's LFI_FRAME_EXIT */
	.size	lfi_leave, . - lfi_leave

/* trampoline.h's LFI_TRAMP_EXIT, when the sandbox changed its FP
   control words (runtime call 32) or left an unmasked x87 exception
   pending: the host's again, from this run's entry. Only %r11 changes. */
	.globl	lfi_tramp_fp_fix
	.hidden	lfi_tramp_fp_fix
	.type	lfi_tramp_fp_fix, @function
lfi_tramp_fp_fix:
	movq	%fs:LFI_SLOT_CTX, %r11
	fnclex
	fldcw	LFI_T_HOST_FCW(%r11)
	ldmxcsr	LFI_T_HOST_MXCSR(%r11)
	movq	$0, %fs:LFI_SLOT_FPDIRTY
	ret
	.size	lfi_tramp_fp_fix, . - lfi_tramp_fp_fix

/* LFI_TRAMP_ENTER, when the host's x87 control word is not the usual
   one: the run is FP-dirty from the start if it unmasks an exception.
   Only %rbx changes (the trampoline zeroes it before the jump). */
	.globl	lfi_tramp_fp_unmasked
	.hidden	lfi_tramp_fp_unmasked
	.type	lfi_tramp_fp_unmasked, @function
lfi_tramp_fp_unmasked:
	movzwl	LFI_T_HOST_FCW(%r11), %ebx
	notl	%ebx
	andl	$0x3f, %ebx
	movq	%rbx, %fs:LFI_SLOT_FPDIRTY
	ret
	.size	lfi_tramp_fp_unmasked, . - lfi_tramp_fp_unmasked

/* %r11 = the box's base + low 32 bits of %r11, flags kept. */
.macro	FORCE_R11_INTO_BOX ctx
	movl	%r11d, %r11d
	addq	LFI_T_BASE(\ctx), %r11
.endm

/*
 * Runtime call 0: Linux system call. In: %rax, %rdi %rsi %rdx %r10 %r8
 * %r9. Out: %rax. Everything but %rax %rcx %r11 (and the flags) is kept,
 * vector and x87 state included (XSAVE around the C handler).
 */
	.globl	lfi_rtcall_syscall
	.hidden	lfi_rtcall_syscall
	.type	lfi_rtcall_syscall, @function
lfi_rtcall_syscall:
	movq	%fs:LFI_SLOT_CTX, %rcx
	movq	%rsp, LFI_T_SBX_RSP(%rcx)
	movq	%r11, LFI_T_SBX_RET(%rcx)
	movq	LFI_T_HOST_RSP(%rcx), %rsp
	pushq	%rbp			/* the sandbox's, restored below */
	movq	%rsp, %rbp
	pushq	%r9			/* struct lfi_syscall_regs, upwards */
	pushq	%r8
	pushq	%r10
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rax
	andq	$-64, %rsp
	movq	LFI_T_XSAVE(%rcx), %rdi
	movl	$-1, %eax
	movl	$-1, %edx
	cmpl	$0, lfi_have_xsaveopt(%rip)
	je	1f
	cmpq	$0, LFI_T_XSAVE_FRESH(%rcx)
	jne	1f
	xsaveopt64 (%rdi)		/* skips what the last xrstor left unchanged */
	jmp	2f
	/* A new area is saved in full once: XSAVEOPT tracks the address of
	   the last XRSTOR, and a freed context's area may come back at the
	   same address, zeroed, with components XSAVEOPT would then skip. */
1:	xsave64	(%rdi)
	movq	$0, LFI_T_XSAVE_FRESH(%rcx)
2:
	/* The host's FP control words, and fninit first: an x87 exception
	   the sandbox left pending would fire at the host's next x87
	   instruction if the host's control word unmasks it, and a full x87
	   stack would turn the host's x87 arithmetic into NaNs. XRSTOR gives
	   the sandbox its state back, pending exception included. */
	ldmxcsr	LFI_T_HOST_MXCSR(%rcx)
	fninit				/* the stack too: XRSTOR brings it back */
	fldcw	LFI_T_HOST_FCW(%rcx)
	movq	%rcx, %rdi
	leaq	-56(%rbp), %rsi
	call	lfi_syscall_dispatch
	movq	%rax, -56(%rbp)		/* regs->rax: the result */
	movq	%fs:LFI_SLOT_CTX, %rcx
	movq	LFI_T_XSAVE(%rcx), %rdi
	movl	$-1, %eax
	movl	$-1, %edx
	xrstor64 (%rdi)
	leaq	-56(%rbp), %rsp
	popq	%rax
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%r10
	popq	%r8
	popq	%r9
	popq	%rbp
	movq	LFI_T_SBX_RET(%rcx), %r11
	FORCE_R11_INTO_BOX %rcx
	movq	LFI_T_SBX_RSP(%rcx), %rsp
	xorl	%ecx, %ecx
	jmpq	*%r11
	.size	lfi_rtcall_syscall, . - lfi_rtcall_syscall

/* Runtime call 8: %r11 = the sandbox's thread pointer; nothing else
   changes, flags included, so only the TCB words are used. */
	.globl	lfi_rtcall_get_tp
	.hidden	lfi_rtcall_get_tp
	.type	lfi_rtcall_get_tp, @function
lfi_rtcall_get_tp:
	movl	%r11d, %r11d
	addq	%r14, %r11		/* %r14 is the base: V4 */
	movq	%r11, %fs:LFI_SLOT_RET
	movq	%fs:LFI_SLOT_TP, %r11
	jmpq	*%fs:LFI_SLOT_RET
	.size	lfi_rtcall_get_tp, . - lfi_rtcall_get_tp

/* Runtime call 16: set the thread pointer to %rdi; %rax = 0. */
	.globl	lfi_rtcall_set_tp
	.hidden	lfi_rtcall_set_tp
	.type	lfi_rtcall_set_tp, @function
lfi_rtcall_set_tp:
	movq	%fs:LFI_SLOT_CTX, %rcx
	movq	%rdi, LFI_T_TP(%rcx)
	movq	%rdi, %fs:LFI_SLOT_TP
	FORCE_R11_INTO_BOX %rcx
	xorl	%eax, %eax
	xorl	%ecx, %ecx
	jmpq	*%r11
	.size	lfi_rtcall_set_tp, . - lfi_rtcall_set_tp

/* Runtime call 24: the sandbox function returned; %rax %rdx, %ymm0
   %ymm1, %st0 %st1 are its result. It must return on the sandbox stack
   the call was made on (the frame's LFI_FRAME_RET_SP): anything else is
   a longjmp across the boundary (or a stray call 24), refused as a bad
   runtime call. Then to the exit of whatever entry made the frame. */
	.globl	lfi_rtcall_return
	.hidden	lfi_rtcall_return
	.type	lfi_rtcall_return, @function
lfi_rtcall_return:
	movq	%fs:LFI_SLOT_CTX, %rcx
	movq	LFI_T_HOST_RSP(%rcx), %rcx
	cmpq	%rsp, LFI_FRAME_RET_SP(%rcx)
	jne	1f
	movq	%rcx, %rsp
	ret
1:	movl	$24, %eax
	jmp	lfi_rtcall_bad
	.size	lfi_rtcall_return, . - lfi_rtcall_return

/* Runtime call 32: the sandbox changed its FP environment (M7); the way
   out restores the host's. Only %r11 and the TCB words change. */
	.globl	lfi_rtcall_fp_changed
	.hidden	lfi_rtcall_fp_changed
	.type	lfi_rtcall_fp_changed, @function
lfi_rtcall_fp_changed:
	movl	%r11d, %r11d
	addq	%r14, %r11
	movq	%r11, %fs:LFI_SLOT_RET
	movq	$1, %fs:LFI_SLOT_FPDIRTY
	jmpq	*%fs:LFI_SLOT_RET
	.size	lfi_rtcall_fp_changed, . - lfi_rtcall_fp_changed

/*
 * Stack arguments of a callback: the CALLBACK_STACK_ARGS bytes above the
 * callback stub's return address on the sandbox stack (64(%rbp) in the
 * callback's frame), those of them inside the box, copied to the host
 * stack where the host function will find its stack arguments: the
 * callback frame's %rsp at the call. The copy can fault (unmapped stack pages above): only
 * with the runtime's fault handler in (lfi_copy_checked); without it the
 * host function sees no stack arguments. Every argument register is kept.
 */
#define CALLBACK_STACK_ARGS 128
copy_stack_args:
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	leaq	48(%rsp), %rdi		/* no stale host data: zeros first */
	xorl	%eax, %eax
	movl	$CALLBACK_STACK_ARGS, %ecx
	rep stosb
	cmpl	$0, lfi_copies_checked(%rip)
	je	1f
	movq	64(%rbp), %rsi	/* the sandbox %rsp the callback frame kept */
	addq	$8, %rsi		/* above the stub's return address */
	movq	%fs:LFI_SLOT_CTX, %rax
	movabsq	$0x100000000, %rdx
	addq	LFI_T_BASE(%rax), %rdx	/* the end of the box */
	subq	%rsi, %rdx		/* bytes of the box above src */
	jbe	1f
	cmpq	$CALLBACK_STACK_ARGS, %rdx
	jbe	2f
	movl	$CALLBACK_STACK_ARGS, %edx
2:	leaq	48(%rsp), %rdi		/* past our pushes and return address */
	call	lfi_copy_checked
1:	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	ret

/*
 * Runtime call 40: call the host function the thread's callback table
 * holds at index %r10, with the SysV arguments as they are (%al too, for
 * variadic callees), on the host stack; its results (%rax %rdx %xmm0
 * %xmm1) go back to the sandbox. The sandbox's callee-saved registers are
 * the host function's to keep; its caller-saved general and vector
 * registers come back zeroed, so no host pointer is left in them. While the host runs,
 * it has its own MXCSR and x87 control word if the sandbox changed them.
 * Stack arguments: copy_stack_args.
 */
	.globl	lfi_rtcall_callback
	.hidden	lfi_rtcall_callback
	.type	lfi_rtcall_callback, @function
lfi_rtcall_callback:
	movq	%r11, %fs:LFI_SLOT_RET
	movq	%fs:LFI_SLOT_CTX, %r11
	cmpq	LFI_T_NCALLBACKS(%r11), %r10
	jae	bad_callback
	movq	%rsp, LFI_T_SBX_RSP(%r11)
	movq	LFI_T_HOST_RSP(%r11), %rsp
	/* the run as it is now, put back on the way out whatever a nested
	   run left behind (a host longjmp out of one of its callbacks into
	   this host function skips that run's own restore) */
	pushq	LFI_T_SBX_RSP(%r11)	/* 64(%rbp): the box's %rsp */
	pushq	%fs:LFI_SLOT_RET	/* 56: where the box returns */
	pushq	%r11			/* 48: the run's context */
	pushq	LFI_T_HOST_RSP(%r11)	/* 40: its host frame */
	pushq	LFI_T_IN_CALLBACK(%r11)	/* 32: its callbacks before this one */
	pushq	%fs:LFI_SLOT_TP		/* 24 */
	incq	LFI_T_IN_CALLBACK(%r11)
	pushq	LFI_T_CB_FRAME(%r11)	/* 16: the enclosing callback's marker */
	pushq	LFI_T_CB_COOKIE(%r11)	/* this one's: cookie ^ its address */
	xorq	%rsp, (%rsp)
	movq	%rsp, LFI_T_CB_FRAME(%r11)
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$16, %rsp		/* -16: FP dirty, -8: MXCSR, -4: x87 CW, -2: x87 SW */
	andq	$-16, %rsp
	movq	LFI_T_CALLBACKS(%r11), %r11
	movq	(%r11,%r10,8), %r10
	subq	$CALLBACK_STACK_ARGS, %rsp
	call	copy_stack_args
	/* the host's x87 state while it runs (see return_to_host; the
	   sandbox's x87 stack is empty at a call by the ABI), its MXCSR
	   if call 32 said the sandbox changed it */
	fnstcw	-4(%rbp)
	fnstsw	-2(%rbp)
	movq	%fs:LFI_SLOT_CTX, %r11
	movzwl	LFI_T_HOST_FCW(%r11), %r11d
	cmpw	%r11w, -4(%rbp)
	jne	3f			/* the box changed its control word */
	notl	%r11d
	andw	-2(%rbp), %r11w
	testb	$0x3f, %r11b		/* an exception flag this word unmasks */
	jz	4f
	/* fnclex and fldcw cost about 30 cycles together: only when the
	   host's word differs or would find an exception pending */
3:	fnclex
	movq	%fs:LFI_SLOT_CTX, %r11
	fldcw	LFI_T_HOST_FCW(%r11)
4:	LFI_X87_EMPTY
	stmxcsr	-8(%rbp)
	movq	%fs:LFI_SLOT_FPDIRTY, %r11
	movq	%r11, -16(%rbp)
	testq	%r11, %r11
	jz	1f
	movq	%fs:LFI_SLOT_CTX, %r11
	ldmxcsr	LFI_T_HOST_MXCSR(%r11)
1:	call	*%r10
	fnstcw	-2(%rbp)		/* the box's control word back */
	movzwl	-4(%rbp), %ecx
	cmpw	%cx, -2(%rbp)
	je	5f
	fldcw	-4(%rbp)
5:	cmpq	$0, -16(%rbp)
	je	2f
	ldmxcsr	-8(%rbp)
2:	movq	-16(%rbp), %rdi
	movq	%rdi, %fs:LFI_SLOT_FPDIRTY
	movq	%rbp, %rsp
	popq	%rbp
	movq	40(%rsp), %rcx		/* the run's context */
	movq	8(%rsp), %rdi		/* the enclosing marker first: a signal */
	movq	%rdi, LFI_T_CB_FRAME(%rcx)	/* handler calling in never sees */
	movq	$0, (%rsp)		/* a current marker dead */
	movq	16(%rsp), %rdi
	movq	%rdi, %fs:LFI_SLOT_TP
	movq	24(%rsp), %rdi
	movq	%rdi, LFI_T_IN_CALLBACK(%rcx)
	movq	32(%rsp), %rdi
	movq	%rdi, LFI_T_HOST_RSP(%rcx)
	movq	48(%rsp), %r11
	movq	56(%rsp), %rdi
	cmpl	$0, lfi_have_fsgsbase(%rip)
	jle	6f			/* lfi-run's single box, arch_prctl */
	rdgsbase %rsi			/* the run's box */
	cmpq	LFI_T_BASE(%rcx), %rsi
	je	6f
	movq	LFI_T_BASE(%rcx), %rsi
	wrgsbase %rsi
6:	movq	%rcx, %fs:LFI_SLOT_CTX	/* the run, current again: last */
	movq	%rdi, %rsp
	cmpq	$0, LFI_T_UNWIND(%rcx)
	jne	callback_abandoned
	FORCE_R11_INTO_BOX %rcx
	xorl	%ecx, %ecx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	CLEAR_VECTORS_BUT_RESULTS
	jmpq	*%r11
/* A nested run inside this callback came back to the host on another
   sandbox stack (lfi_bad_runtime_call: call 24, a longjmp in the box
   out of the nested call): the sandbox frames the callback would return
   to are gone, so its run ends here, -1, as do those of enclosing
   callbacks until the thread is in none. */
callback_abandoned:
	cmpq	$0, LFI_T_IN_CALLBACK(%rcx)
	jne	1f
	movq	$0, LFI_T_UNWIND(%rcx)
1:	movq	%rcx, %rdi
	movq	$-1, %rsi
	jmp	lfi_leave
bad_callback:
	movq	%fs:LFI_SLOT_RET, %r11
	movl	$40, %eax
	jmp	lfi_rtcall_bad
	.size	lfi_rtcall_callback, . - lfi_rtcall_callback

/* Unused entries: a sandbox fault. %eax is the call number;
   lfi_bad_runtime_call (C) ends the run. */
	.globl	lfi_rtcall_bad
	.hidden	lfi_rtcall_bad
	.type	lfi_rtcall_bad, @function
lfi_rtcall_bad:
	movq	%fs:LFI_SLOT_CTX, %rdi
	movq	%rsp, LFI_T_SBX_RSP(%rdi)
	movq	%r11, LFI_T_SBX_RET(%rdi)
	movq	LFI_T_HOST_RSP(%rdi), %rsp
	andq	$-16, %rsp
	movl	%eax, %esi
	call	lfi_bad_runtime_call
	ud2
	.size	lfi_rtcall_bad, . - lfi_rtcall_bad

.macro	BAD n
	.globl	lfi_rtcall_bad\n
	.hidden	lfi_rtcall_bad\n
lfi_rtcall_bad\n:
	movl	$\n, %eax
	jmp	lfi_rtcall_bad
.endm
	BAD 48
	BAD 56
	BAD 64
	BAD 72
	BAD 80
	BAD 88
	BAD 96
	BAD 104
	BAD 112
	BAD 120
	BAD 128
	BAD 136
	BAD 144
	BAD 152
	BAD 160
	BAD 168
	BAD 176
	BAD 184
	BAD 192
	BAD 200
	BAD 208
	BAD 216
	BAD 224
	BAD 232
	BAD 240
	BAD 248

	.section .note.GNU-stack,"",@progbits
