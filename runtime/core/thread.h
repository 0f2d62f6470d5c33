/*
 * thread.h - a host thread's context for running code in a box, and the
 * transitions between host and sandbox (entry.S).
 *
 * The runtime-call entries must find the thread's context without a free
 * register (runtime calls 8 and 32 may change only %r11, which holds the
 * return address). They use four words of the host thread's TCB at fixed
 * %fs offsets, in glibc's tcbhead_t field __glibc_unused2 (x86-64,
 * offsets 0x80-0x27f: reserved, unused by glibc since 2.26, kept for the
 * size of the TCB): the current context, a scratch word for the return
 * address, the sandbox thread pointer and the FP-dirty flag. lfi_enter
 * saves and restores them, so nested entries (callbacks, signal handlers
 * that call into a box) cannot disturb an interrupted runtime call.
 */
#ifndef LFI_THREAD_H
#define LFI_THREAD_H

/* %fs offsets of the TCB words (see above). */
#define LFI_SLOT_CTX 0x80
#define LFI_SLOT_RET 0x88
#define LFI_SLOT_TP 0x90
#define LFI_SLOT_FPDIRTY 0x98

/* Field offsets of struct lfi_thread used by entry.S. */
#define LFI_T_BASE 0
#define LFI_T_HOST_RSP 8
#define LFI_T_SBX_RSP 16
#define LFI_T_SBX_RET 24
#define LFI_T_TP 32
#define LFI_T_XSAVE 40
#define LFI_T_HOST_MXCSR 48
#define LFI_T_HOST_FCW 52
#define LFI_T_CALLBACKS 56
#define LFI_T_NCALLBACKS 64
#define LFI_T_XSAVE_FRESH 72
#define LFI_T_IN_CALLBACK 80
#define LFI_T_RET_SP 88
#define LFI_T_CALL_SP 96
#define LFI_T_RETURN_STUB 104
#define LFI_T_CALL_STACK_LO 112
#define LFI_T_UNWIND 120
#define LFI_T_CB_FRAME 128
#define LFI_T_CB_COOKIE 136
#define LFI_T_CLOSED 144

/*
 * The host frame of a run, at t->host_rsp: every entry (lfi_enter, a
 * trampoline of a .box.so) pushes the sandbox %rsp that runtime call 24
 * must come with, then calls the code that jumps into the box, so that
 * call 24, lfi_leave and a fault all leave through `ret` to the entry's
 * own exit code (LFI_FRAME_EXIT, the return address at host_rsp).
 */
#define LFI_FRAME_EXIT 0
#define LFI_FRAME_RET_SP 8

#ifndef __ASSEMBLER__

#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "box.h"

struct lfi_thread;

/* The registers of a system call (runtime call 0), saved by entry.S on
   the host stack; the handler may change `rax` (the result) only. */
struct lfi_syscall_regs {
	uint64_t rax, rdi, rsi, rdx, r10, r8, r9;
};

/* Called by runtime call 0 on the host stack; returns the result for
   %rax. May end the box's run with lfi_leave(). Defined by the layer
   above the core (runtime/linux). */
typedef long lfi_syscall_fn(struct lfi_thread *t, struct lfi_syscall_regs *r);

struct lfi_thread {
	/* used by entry.S: keep in sync with LFI_T_* */
	uint64_t base;		/* the box's base */
	uint64_t host_rsp;	/* host stack at the innermost lfi_enter */
	uint64_t sbx_rsp;	/* sandbox %rsp at the current runtime call */
	uint64_t sbx_ret;	/* its return address (%r11) */
	uint64_t tp;		/* the sandbox's thread pointer (calls 8/16) */
	void *xsave;		/* 64-byte aligned XSAVE area */
	uint32_t host_mxcsr;
	uint16_t host_fcw;
	uint16_t pad;
	/* runtime call 40: %r10 indexes this table of host functions (the
	   box's callbacks); an index past the end is a bad runtime call */
	const uint64_t *callbacks;
	uint64_t ncallbacks;
	uint64_t xsave_fresh;	/* the area's first save must be a full XSAVE */
	uint64_t in_callback;	/* host functions of call 40 running now */
	uint64_t ret_sp;	/* lfi_enter: the sandbox %rsp call 24 must have */
	/* trampolines (trampoline.h): the sandbox stack of an outermost
	   call, whose slot at call_sp (8 below a 64-byte boundary) holds
	   return_stub */
	uint64_t call_sp;
	uint64_t return_stub;
	uint64_t call_stack_lo;	/* [call_stack_lo, call_sp]: pinned */
	/* a nested run came back on another sandbox stack: the callbacks
	   in progress end their runs instead of returning to the box */
	uint64_t unwind;
	/* the innermost callback's marker on the host stack (0: none):
	   cb_cookie ^ its own address while the callback runs; a host
	   longjmp out of it leaves the word to be overwritten by later
	   frames, which lfi_thread_callback_alive tells */
	uint64_t cb_frame;
	uint64_t cb_cookie;	/* random, per context */
	/* the embedder is taking the box away (sobox's destroy): an entry
	   that finds this set once its run is current backs out
	   (trampoline.h, LFI_TRAMP_OWN) */
	uint64_t closed;
	/* C only */
	struct lfi_box *box;
	lfi_syscall_fn *syscall;
	void *user;		/* for the layer above */
	void *xsave_mem;	/* what xsave points into */
	int bad_call;		/* runtime call number of a bad call, or -1 */
	/* the last fault in the box (signals.c): signal, address, pc */
	int fault_sig;		/* 0: none */
	uint64_t fault_addr, fault_pc;
	/* per-thread state kept for the layer above (Linux: the
	   set_tid_address word, the emulated signal mask) */
	uint64_t clear_tid;
	uint64_t sigmask;
	/* lfi_thread_stop: the host thread running this context, and a
	   request to end its run with stop_value */
	pthread_t host_thread;
	int stop;
	long stop_value;
};

/* A context for the calling host thread in `box`. NULL on -ENOMEM.
   Gives the thread an alternate signal stack outside every box unless it
   has one (not in this box) already: the thread's, unmapped when the
   thread ends, not when a context is freed (another box's context on
   the thread may use it). Runs lfi_signals_protect() (signals.h). Free
   the context outside the box; no run of it may be in progress. */
struct lfi_thread *lfi_thread_new(struct lfi_box *box, lfi_syscall_fn *syscall,
				  void *user);
void lfi_thread_free(struct lfi_thread *t);

/* A thread that only runs box code (the runtime's for a box's clone)
   blocks every signal but the runtime's own: the box's signals are
   emulated, and a host signal handled there could find the thread
   between runs. lfi_thread_new unblocks the runtime's signals (faults,
   LFI_STOP_SIGNAL) on every thread it gives a context. */
void lfi_thread_block_host_signals(void);

/* The table of runtime-call entry points to give lfi_box_new(). */
void lfi_runtime_table(uint64_t table[LFI_RUNTIME_CALLS]);

/*
 * Runs sandbox code at `pc` (inside the box, bundle-aligned) with stack
 * `sp` and the six integer arguments `args` (NULL: zeros); every other
 * general register is zero, %r14 and the %gs base are the box's base.
 * Returns when the sandbox makes runtime call 24 (its %rax) with %rsp
 * back at `sp` (call 24 on another stack is a bad runtime call), or when
 * a runtime-call handler calls lfi_leave(t, value) (value). Returns -1 if
 * pc or sp are not in the box.
 */
long lfi_thread_run(struct lfi_thread *t, uint64_t pc, uint64_t sp,
		    const uint64_t args[6]);

/* Where a thread will return from the runtime call it is in: for a new
   thread made by that call (Linux clone), read by the calling thread
   while it is in the call. Only the core makes one. */
struct lfi_return_point {
	uint64_t pc;
};
struct lfi_return_point lfi_thread_return_point(const struct lfi_thread *t);

/*
 * Runs `t` from the return point `at` of another thread of the same box,
 * as the new thread that runtime call made: %rax = 0, the six argument
 * registers `args`, the others zero, stack `sp` (in the box). The point
 * is not bundle-aligned, but it is the verified address after an M3 that
 * the other thread's own return uses. Returns like lfi_thread_run; -1 if
 * sp is not in the box.
 */
long lfi_thread_resume(struct lfi_thread *t, struct lfi_return_point at,
		       uint64_t sp, const uint64_t args[6]);

/*
 * Ends the run of a context that another host thread is running (one
 * sandbox thread of a process ending them all): the context's thread gets
 * LFI_STOP_SIGNAL; inside the box it leaves at once, in a system call it
 * leaves when the call returns (interrupted: EINTR), and its
 * lfi_thread_run returns `value`. A signal can arrive while the thread is
 * in the runtime's own entry code and be ignored: call again until the
 * thread is gone. 0 or -errno.
 */
#define LFI_STOP_SIGNAL (SIGRTMAX - 1)
int lfi_thread_stop(struct lfi_thread *t, long value);

/* From a runtime-call handler: abandon the sandbox's run and make the
   innermost lfi_thread_run return `value`. */
__attribute__((noreturn)) void lfi_leave(struct lfi_thread *t, long value);

/* lfi_thread_run, but a call: the sandbox must come back through call
   24 on stack ret_sp. */
long lfi_thread_enter_call(struct lfi_thread *t, uint64_t pc, uint64_t sp,
			   const uint64_t args[6], uint64_t ret_sp);

/* Is the innermost callback of `t` still running (its host frame not
   abandoned by a longjmp out of it)? 1 also when t is in no callback. */
int lfi_thread_callback_alive(const struct lfi_thread *t);

/* entry.S */
long lfi_enter(struct lfi_thread *t, uint64_t pc, uint64_t sp,
	       const uint64_t args[6]);

#endif
#endif
