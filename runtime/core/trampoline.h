/*
 * trampoline.h - assembler macros for the host side of a call into a
 * box from a trampoline that sobox generates for each export of a
 * .box.so (sobox/tramp.c writes them; this file is the part of the
 * transition the trusted runtime owns, see thread.h for the frame).
 *
 * The fast path, for a thread that is in no run of any box:
 *
 *   NAME:  LFI_TRAMP_CONTEXT tls, none, busy   %r11 = this thread's context
 *          (pointer checks)
 *          LFI_TRAMP_GS_READ                   %r10 = the %gs base
 *          LFI_TRAMP_SAVE                      callee-saved registers
 *          LFI_TRAMP_OWN closed                the run is current (or to
 *                                              `closed`: sobox's destroy)
 *          LFI_TRAMP_GS_SET %r10               %r14 and %gs: the box's
 *          movq LFI_T_CALL_SP(%r11), %r10      the sandbox stack
 *          (stack arguments below %r10)
 *          pushq <the sandbox %rsp call 24 must come with>
 *          call 1f
 *          LFI_TRAMP_EXIT                      after call 24/lfi_leave/fault
 *          LFI_X87_EMPTY (results)             results out of the box
 *          LFI_TRAMP_IDLE ; LFI_TRAMP_RESTORE ; ret
 *   1:     LFI_TRAMP_ENTER                     %rsp = %r10, into the box
 *          (zero the registers that are not arguments)
 *          movq <function>, %r11 ; jmpq *%r11
 *
 * The nested path adds LFI_TRAMP_NESTED_SP, LFI_TRAMP_SAVE_RUN and
 * LFI_TRAMP_RESTORE_RUN around the same frame. Rare cases go out of line
 * (LFI_COLD): the common path takes no branch.
 *
 * The host's FP control words are saved at each entry; the way out
 * restores them only when the sandbox said (runtime call 32) it changed
 * them, and clears a pending x87 exception only when there is one.
 */
#ifndef LFI_TRAMPOLINE_H
#define LFI_TRAMPOLINE_H

#include "thread.h"

#ifdef __ASSEMBLER__

/*
 * `jcc` to `insn` placed out of line (the section's subsection 1, after
 * every trampoline), then back: the common case falls through. Taken
 * branches are what a call into a box has most of, and each costs this
 * machine about a third of a cycle even when predicted.
 */
.macro	LFI_COLD jcc, insn:vararg
	\jcc	.Lcold\@
.Lcold_back\@:
	.subsection 1
.Lcold\@:
	\insn
	jmp	.Lcold_back\@
	.subsection 0
.endm

/* %r11 = the context of this thread (the initial-exec TLS word `tls`);
   to `none` when it has none yet, to `busy` when a run of some box is in
   progress on this thread (a callback or a signal handler calling in:
   the nested path must keep the interrupted run's TCB words). */
.macro	LFI_TRAMP_CONTEXT tls, none, busy
	movq	\tls@gottpoff(%rip), %r11
	movq	%fs:(%r11), %r11
	testq	%r11, %r11
	jz	\none
	cmpq	$0, %fs:LFI_SLOT_CTX
	jne	\busy
.endm

.macro	LFI_TRAMP_SAVE
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

/* Bytes LFI_TRAMP_SAVE pushes. */
#define LFI_TRAMP_SAVE_BYTES 48

.macro	LFI_TRAMP_RESTORE
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
.endm

/*
 * Right after LFI_TRAMP_SAVE on the fast path, before anything is
 * written: this thread's run is the current one, in a run (host_rsp set
 * to the trampoline's stack) and in none of its callbacks. A signal
 * handler calling in from here on takes the nested path, which refuses
 * a run that is not in one of its callbacks: it never reuses the frame
 * being built.
 *
 * Then to `closed` if the embedder is taking the box away: it sets
 * every context's `closed`, then (after a membarrier, the other half of
 * this store-then-load) finds no context in a run, or gives up. The
 * code at `closed` puts the thread back in no run (host_rsp and the
 * TCB's current context 0) before anything else.
 */
.macro	LFI_TRAMP_OWN closed
	movq	$0, LFI_T_CB_FRAME(%r11)	/* in no callback, whatever a */
	movq	$0, LFI_T_IN_CALLBACK(%r11)	/* host longjmp out of one left */
	movq	$0, LFI_T_UNWIND(%r11)
	movq	%rsp, LFI_T_HOST_RSP(%r11)	/* in a run (LFI_TRAMP_ENTER */
	movq	%r11, %fs:LFI_SLOT_CTX		/* records the frame), no callback */
	cmpq	$0, LFI_T_CLOSED(%r11)
	jne	\closed
.endm

/*
 * Before LFI_TRAMP_SAVE: %r10 = the %gs base now. rdgsbase costs this
 * machine about 5 cycles; read this early, most of it hides behind the
 * pushes that follow.
 */
.macro	LFI_TRAMP_GS_READ
	rdgsbase %r10
.endm

/* %r14 = the box's base, and %gs too when `now` (what rdgsbase read)
   shows another base: wrgsbase is slow, and a cached value would go
   stale when two runtimes share the thread. Only %r14 changes. */
.macro	LFI_TRAMP_GS_SET now
	movq	LFI_T_BASE(%r11), %r14
	cmpq	\now, %r14
	LFI_COLD jne, wrgsbase %r14
.endm

/*
 * Called (the return address is LFI_FRAME_EXIT, the word above it
 * LFI_FRAME_RET_SP), after LFI_TRAMP_GS_SET: records the frame, saves
 * the host's FP control words, sets the run's thread pointer and
 * switches to the sandbox stack %r10. Changes %rbx (zeroed with the
 * others before the jump).
 */
.macro	LFI_TRAMP_ENTER
	movq	%rsp, LFI_T_HOST_RSP(%r11)
	stmxcsr	LFI_T_HOST_MXCSR(%r11)
	fnstcw	LFI_T_HOST_FCW(%r11)
	/* FP-dirty from the start when the host unmasks an x87 exception:
	   the box could then leave it pending, or mask it with fnstenv
	   (no FP-control write for the verifier), without runtime call 32.
	   The usual word masks all six (low byte 0x7f); the slot is 0
	   already, as whenever no run is current. */
	cmpb	$0x7f, LFI_T_HOST_FCW(%r11)
	LFI_COLD jne, call lfi_tramp_fp_unmasked
	movq	LFI_T_TP(%r11), %rbx
	movq	%rbx, %fs:LFI_SLOT_TP
	movq	%r10, %rsp
.endm

/*
 * Empties the x87 stack, which the box may have left full (the host's
 * next fld would overflow into a NaN): ffree of each register costs
 * this machine about 2 cycles, emms about 5. The control and status
 * words stay.
 */
.macro	LFI_X87_EMPTY
	ffree	%st(0)
	ffree	%st(1)
	ffree	%st(2)
	ffree	%st(3)
	ffree	%st(4)
	ffree	%st(5)
	ffree	%st(6)
	ffree	%st(7)
.endm

/*
 * Back on the host, %rsp at the frame's LFI_FRAME_RET_SP word, %rcx 0
 * when the run was abandoned (lfi_leave: a fault, exit, a bad runtime
 * call) and not 0 after call 24. The host's FP state back
 * (lfi_tramp_fp_fix: no pending exception, the control words of the
 * entry) when the run was FP-dirty: the box said it changed its control
 * words (runtime call 32), or the host's x87 control word unmasks an
 * exception (LFI_TRAMP_ENTER). With every x87 exception masked, nothing
 * the box can do without call 32 changes the host's control words or
 * leaves an exception pending: `fnstenv` only masks. %rax %rdx %xmm0
 * %xmm1 %st0 %st1 (the results) and %rcx are kept; %r11 is not; the
 * caller empties the x87 stack but for an x87 result.
 */
.macro	LFI_TRAMP_EXIT
	addq	$8, %rsp
	cmpq	$0, %fs:LFI_SLOT_FPDIRTY
	LFI_COLD jne, call lfi_tramp_fp_fix
.endm

/* After LFI_TRAMP_EXIT of an outermost run and its results (a memory
   result is copied out of the box: until then the run must count as in
   progress, or the box could be taken away under the copy): no current
   run on the thread, its context in no run. */
.macro	LFI_TRAMP_IDLE
	movq	%fs:LFI_SLOT_CTX, %r11
	movq	$0, LFI_T_HOST_RSP(%r11)
	movq	$0, %fs:LFI_SLOT_CTX
.endm

/*
 * The nested path (a run is in progress on this thread: a callback's
 * host function, or a signal handler, calls in). %r10 = the sandbox
 * %rsp of the call, below a frame of `size` bytes (a multiple of 64),
 * or to `fail`:
 * - the context in no run (the run in progress is another box's): its
 *   call slot, as on the fast path;
 * - in a run and in a callback: below the interrupted sandbox frame and
 *   its red zone, if that is still inside the context's pinned call
 *   stack (a sandbox that moved its stack elsewhere gets no nested call:
 *   the host writes the frame with plain stores);
 * - in a run but not in a callback of that run (a signal handler
 *   interrupting the box, also a nested run inside an outer run's
 *   callback): refused.
 * Only %r10 changes.
 */
.macro	LFI_TRAMP_NESTED_SP size, fail
	movq	LFI_T_CALL_SP(%r11), %r10
	cmpq	$0, LFI_T_HOST_RSP(%r11)
	jne	.Lin_run\@
	cmpq	%r11, %fs:LFI_SLOT_CTX	/* current with no host frame: refused */
	je	\fail
	jmp	.Lsp_ok\@
.Lin_run\@:
	/* in a callback of its innermost run: the innermost callback's
	   marker lies below that run's host frame (a nested run's frame lies
	   below its caller's callback, and a run in no callback of its own
	   has the enclosing one's marker above it, or none) */
	movq	LFI_T_CB_FRAME(%r11), %r10
	testq	%r10, %r10
	jz	\fail
	cmpq	LFI_T_HOST_RSP(%r11), %r10
	jae	\fail
	movq	LFI_T_SBX_RSP(%r11), %r10
	subq	$128 + \size, %r10
	andq	$-64, %r10
	subq	$8, %r10		/* a call slot: 8 below a 64-byte boundary */
	cmpq	LFI_T_CALL_STACK_LO(%r11), %r10
	jb	\fail
	addq	$\size, %r10
	cmpq	LFI_T_CALL_SP(%r11), %r10	/* the whole frame below the call slot */
	ja	\fail
.Lsp_ok\@:
.endm

/* Keeps the interrupted run's TCB words, its context's host frame, the
   sandbox %rsp and return of its runtime call, its host FP words and
   the %gs base on the host stack; the nested run starts FP-clean, and
   current but not yet entered (as LFI_TRAMP_OWN), with %r14 and %gs
   its box's (LFI_TRAMP_GS_SET). */
.macro	LFI_TRAMP_SAVE_RUN closed
	pushq	%fs:LFI_SLOT_CTX
	pushq	%fs:LFI_SLOT_RET
	pushq	%fs:LFI_SLOT_TP
	pushq	%fs:LFI_SLOT_FPDIRTY
	pushq	LFI_T_HOST_RSP(%r11)
	pushq	LFI_T_SBX_RSP(%r11)	/* the interrupted run's runtime call */
	pushq	LFI_T_SBX_RET(%r11)
	pushq	LFI_T_HOST_MXCSR(%r11)	/* and its FP words (with the x87 CW) */
	rdgsbase %rbx
	pushq	%rbx
	LFI_TRAMP_GS_SET %rbx
	movq	$0, %fs:LFI_SLOT_FPDIRTY
	movq	%rsp, LFI_T_HOST_RSP(%r11)	/* as LFI_TRAMP_OWN: in a run, */
	movq	%r11, %fs:LFI_SLOT_CTX		/* not in a callback of it, and */
	cmpq	$0, LFI_T_CLOSED(%r11)		/* to `closed` (LFI_TRAMP_RESTORE_RUN */
	jne	\closed			/* undoes it) */
.endm

/* Bytes LFI_TRAMP_SAVE_RUN pushes. */
#define LFI_TRAMP_SAVE_RUN_BYTES 72

/* After LFI_TRAMP_EXIT of a nested run (and the result handling): back
   to the interrupted run. Changes %r10 and %r11 only. */
.macro	LFI_TRAMP_RESTORE_RUN
	popq	%r11
	rdgsbase %r10
	cmpq	%r10, %r11
	je	.Lgs_back\@
	wrgsbase %r11
.Lgs_back\@:
	movq	%fs:LFI_SLOT_CTX, %r11
	popq	LFI_T_HOST_MXCSR(%r11)
	popq	LFI_T_SBX_RET(%r11)
	popq	LFI_T_SBX_RSP(%r11)
	popq	LFI_T_HOST_RSP(%r11)
	popq	%fs:LFI_SLOT_FPDIRTY
	popq	%fs:LFI_SLOT_TP
	popq	%fs:LFI_SLOT_RET
	popq	%fs:LFI_SLOT_CTX
.endm

#endif
#endif
