/*
 * signals.h - host signals and boxes (lfi-x64.md, "Runtime rules":
 * a host signal frame is never written to sandbox memory).
 *
 * The kernel writes a signal frame on the interrupted stack unless the
 * handler has SA_ONSTACK and the thread has an alternate signal stack.
 * While a thread runs sandbox code its %rsp is in the box, where other
 * sandbox threads could read the host's registers from the frame or
 * change the saved %rip before sigreturn. So:
 *  - every host thread with a context (lfi_thread_new) has an alternate
 *    signal stack outside every box (its own, or one the core maps);
 *  - every installed handler has SA_ONSTACK: lfi_signals_protect() adds
 *    it to each handler that lacks it, and runs at every lfi_box_new()
 *    and lfi_thread_new(). A handler the host installs later without
 *    SA_ONSTACK is unprotected until the next of these or an explicit
 *    lfi_signals_protect() (runtime/README.md, "Signals").
 * The sandbox itself never installs a host handler (the Linux layer
 * emulates rt_sigaction).
 */
#ifndef LFI_SIGNALS_H
#define LFI_SIGNALS_H

#include <signal.h>

#include "thread.h"

/* Adds SA_ONSTACK to every installed handler (SIG_DFL and SIG_IGN need
   none), glibc's internal ones included (raw rt_sigaction). Cheap enough
   for box creation and thread attach, not for every entry (README). */
void lfi_signals_protect(void);

/*
 * Called on the faulting thread's alternate stack for a fault whose pc is
 * in the box of the thread's current context; t->fault_* describe it. If
 * it returns, the run ends: the innermost lfi_thread_run returns -1 (the
 * host's FP control words come back as on every way out).
 */
typedef void lfi_fault_fn(struct lfi_thread *t, int sig, siginfo_t *si,
			  void *ucontext);

/*
 * Installs the core's handler for SIGSEGV, SIGBUS, SIGILL, SIGFPE and
 * SIGTRAP (SA_ONSTACK | SA_SIGINFO). Faults in a box go to `fn`; every
 * other one goes to the handler that was installed before (SA_SIGINFO or
 * not, with its mask), and with SIG_DFL/SIG_IGN before, the default action
 * happens (the fault runs again under SIG_DFL). Calling it again only
 * changes `fn`. Returns 0 or -errno.
 */
int lfi_signals_catch_faults(lfi_fault_fn *fn);

/* Non-zero once lfi_signals_catch_faults installed the handler, which
   also turns a fault in lfi_copy_checked (copy.S) into -EFAULT. */
int lfi_signals_copies_checked(void);

/* Installs the handler of LFI_STOP_SIGNAL (thread.h, lfi_thread_stop),
   once per process; lfi_thread_new calls it and fails without it (the
   signal's default action would end the host process). 0 or -EINVAL. */
int lfi_signals_stop_handler(void);
int lfi_copy_checked(void *dst, const void *src, size_t n);

/* A copy from or to box memory (boxcopy.c) that reports -EFAULT instead
   of faulting in the host: lfi_copy_checked once the fault handler is
   in, process_vm_readv/writev before. The caller checks the range. */
int lfi_box_read_checked(void *dst, uint64_t src, size_t n);
int lfi_box_write_checked(uint64_t dst, const void *src, size_t n);

#endif
