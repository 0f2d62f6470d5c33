/* Host signals and boxes (signals.h): SA_ONSTACK on every handler, and
   the fault handler that tells faults in a box from the host's own. */
#define _GNU_SOURCE
#include "signals.h"

#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

/* The kernel's struct sigaction (rt_sigaction with an 8-byte mask). */
struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

#define KSIG_MAX 64

/* glibc's own sigaction, exported as __sigaction (GLIBC_2.2.5): the
   program's calls to sigaction reach the runtime's (below) instead. No
   dlsym: it is not async-signal-safe and finds nothing in a static host. */
extern int __sigaction(int sig, const struct sigaction *sa, struct sigaction *old);

static int real_sigaction(int sig, const struct sigaction *sa, struct sigaction *old)
{
	return __sigaction(sig, sa, old);
}

void lfi_signals_protect(void)
{
	for (int sig = 1; sig <= KSIG_MAX; sig++) {
		struct ksigaction sa;

		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		if (syscall(SYS_rt_sigaction, sig, NULL, &sa, 8) < 0)
			continue;
		if (sa.handler == (void *)SIG_DFL || sa.handler == (void *)SIG_IGN ||
		    (sa.flags & SA_ONSTACK))
			continue;
		/* Everything else as it was, glibc's restorer included. */
		sa.flags |= SA_ONSTACK;
		syscall(SYS_rt_sigaction, sig, &sa, NULL, 8);
	}
}

/* Signal dispositions belong to the process, so what the fault handler
   needs is process-wide too: the callback and what it replaced. */
static const int fault_sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
#define NFAULT (sizeof fault_sigs / sizeof *fault_sigs)
static struct sigaction previous[NFAULT];
static lfi_fault_fn *on_box_fault;

static struct sigaction *previous_of(int sig)
{
	for (size_t i = 0; i < NFAULT; i++)
		if (fault_sigs[i] == sig)
			return &previous[i];
	return NULL;
}

/* The context lfi_enter made current on this thread (thread.h), NULL
   outside every box. */
static struct lfi_thread *current_thread(void)
{
	struct lfi_thread *t;

	__asm__ volatile("movq %%fs:%c1, %0" : "=r"(t) : "i"(LFI_SLOT_CTX));
	return t;
}

/* What the process would have done without us. */
static void chain(int sig, siginfo_t *si, void *uc)
{
	struct sigaction *old = previous_of(sig);
	sigset_t saved;

	if (old->sa_handler == SIG_IGN && si->si_code <= 0)
		return;		/* sent with kill() and ignored: dropped */
	if (old->sa_handler == SIG_DFL || old->sa_handler == SIG_IGN) {
		/* A fault runs again and takes the default action (a real
		   fault cannot be ignored, like the kernel's rule); a signal
		   sent with kill() is sent again. */
		struct sigaction dfl = { .sa_handler = SIG_DFL };
		real_sigaction(sig, &dfl, NULL);
		if (si->si_code <= 0)
			raise(sig);
		return;
	}
	pthread_sigmask(SIG_BLOCK, &old->sa_mask, &saved);
	if (old->sa_flags & SA_SIGINFO)
		old->sa_sigaction(sig, si, uc);
	else
		old->sa_handler(sig);
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
}

/* End the run of `t`: sigreturn lands in lfi_leave(t, -1) on the host
   stack of the innermost lfi_enter, with the direction flag clear (a
   fault inside an M6 may leave it set). */
static void leave_after_fault(struct lfi_thread *t, ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;

	g[REG_RIP] = (greg_t)(uintptr_t)lfi_leave;
	g[REG_RDI] = (greg_t)(uintptr_t)t;
	g[REG_RSI] = -1;
	g[REG_RSP] = (greg_t)t->host_rsp;
	g[REG_EFL] &= ~(greg_t)0x400;
}

/* Set once the fault handler is in: lfi_copy_checked is usable (also
   read by entry.S). */
__attribute__((visibility("hidden"))) int lfi_copies_checked;

int lfi_signals_copies_checked(void)
{
	return __atomic_load_n(&lfi_copies_checked, __ATOMIC_ACQUIRE);
}

/* copy.S: the instructions of lfi_copy_checked that may fault, and its
   exit for them. */
extern const char lfi_copy_checked_code[] __asm__("lfi_copy_checked");
extern const char lfi_copy_end[], lfi_copy_fixup[];

static void on_fault(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	struct lfi_thread *t = current_thread();
	uint64_t pc = uc->uc_mcontext.gregs[REG_RIP];
	lfi_fault_fn *fn = __atomic_load_n(&on_box_fault, __ATOMIC_ACQUIRE);

	if ((sig == SIGSEGV || sig == SIGBUS) &&
	    pc >= (uint64_t)(uintptr_t)lfi_copy_checked_code &&
	    pc < (uint64_t)(uintptr_t)lfi_copy_end) {
		uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)lfi_copy_fixup;
		return;
	}
	if (!t || !lfi_box_contains(t->box, pc, 1)) {
		chain(sig, si, uc);
		return;
	}
	t->fault_sig = sig;
	t->fault_addr = (uint64_t)(uintptr_t)si->si_addr;
	t->fault_pc = pc;
	if (fn)
		fn(t, sig, si, uc);
	leave_after_fault(t, uc);
}

/* LFI_STOP_SIGNAL (lfi_thread_stop): inside the box, leave now; in the
   runtime, nothing (a system call returns EINTR and its dispatch sees the
   request; elsewhere the stopper asks again). */
static void on_stop(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	struct lfi_thread *t = current_thread();
	uint64_t pc = uc->uc_mcontext.gregs[REG_RIP];

	if (!t || !__atomic_load_n(&t->stop, __ATOMIC_ACQUIRE) ||
	    !lfi_box_contains(t->box, pc, 1))
		return;
	leave_after_fault(t, uc);
	uc->uc_mcontext.gregs[REG_RSI] = t->stop_value;
}

static int stop_handler_in;

/* Once per process: no SA_RESTART, so that blocking calls return. */
static void install_stop_handler(void)
{
	struct sigaction sa = { .sa_sigaction = on_stop,
				.sa_flags = SA_SIGINFO | SA_ONSTACK };

	sigemptyset(&sa.sa_mask);
	stop_handler_in = real_sigaction(LFI_STOP_SIGNAL, &sa, NULL) == 0;
}

int lfi_signals_stop_handler(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, install_stop_handler);
	return stop_handler_in ? 0 : -EINVAL;
}

int lfi_signals_catch_faults(lfi_fault_fn *fn)
{
	struct sigaction sa = { .sa_sigaction = on_fault,
				.sa_flags = SA_SIGINFO | SA_ONSTACK };

	__atomic_store_n(&on_box_fault, fn, __ATOMIC_RELEASE);
	for (size_t i = 0; i < NFAULT; i++) {
		struct sigaction old;

		if (real_sigaction(fault_sigs[i], NULL, &old) < 0)
			return -errno;
		if (old.sa_sigaction == on_fault)
			continue;	/* ours already: keep what it chains to */
		previous[i] = old;
		if (real_sigaction(fault_sigs[i], &sa, NULL) < 0)
			return -errno;
	}
	/* only now can a fault in lfi_copy_checked become -EFAULT (if the
	   host later replaces this handler, such a fault is the host's) */
	__atomic_store_n(&lfi_copies_checked, 1, __ATOMIC_RELEASE);
	return 0;
}

/*
 * The application's sigaction and signal, interposed: liblfirt is linked
 * into lfi-run and into every .box.so, whose definitions come before
 * libc's. A handler installed at any time gets SA_ONSTACK, so it never
 * runs on a sandbox stack (lfi_signals_protect covers those installed
 * before). While the runtime's fault handler is in, a new action for a
 * fault signal is recorded as what the runtime chains to, instead of
 * replacing the handler that tells box faults from the host's.
 * (bsd_signal, sysv_signal and sigset are not wrapped.)
 */
__attribute__((visibility("default")))
int sigaction(int sig, const struct sigaction *sa, struct sigaction *old)
{
	struct sigaction copy, *prev = NULL;

	if (sig == LFI_STOP_SIGNAL) {	/* the runtime's (lfi_thread_stop) */
		errno = EINVAL;
		return -1;
	}
	if (__atomic_load_n(&lfi_copies_checked, __ATOMIC_ACQUIRE))
		prev = previous_of(sig);
	if (prev) {
		if (old)
			*old = *prev;
		if (sa)
			*prev = *sa;
		return 0;
	}
	if (sa && sa->sa_handler != SIG_DFL && sa->sa_handler != SIG_IGN &&
	    !(sa->sa_flags & SA_ONSTACK)) {
		copy = *sa;
		copy.sa_flags |= SA_ONSTACK;
		sa = &copy;
	}
	return real_sigaction(sig, sa, old);
}

/* glibc's signal(): BSD semantics (restarting, the signal blocked in its
   handler), through the sigaction above. */
__attribute__((visibility("default")))
void (*signal(int sig, void (*handler)(int)))(int)
{
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART }, old;

	sigemptyset(&sa.sa_mask);
	if (sig > 0 && sig <= KSIG_MAX)
		sigaddset(&sa.sa_mask, sig);
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}
