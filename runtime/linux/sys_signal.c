/*
 * rt_sigaction and rt_sigprocmask, emulated: the sandbox never installs
 * a host handler and never changes a host thread's mask (signals.h says
 * why host handlers must stay the runtime's business). The dispositions
 * are kept per process and the mask per thread, with the kernel's rules
 * for arguments, so that musl's sigaction/pthread_sigmask work; no
 * signal is delivered to the sandbox yet (runtime/README.md).
 */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

#define KSIG_MAX 64
#define UNBLOCKABLE ((1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1)))

static int bad_sigset_size(uint64_t size)
{
	return size != sizeof(uint64_t);
}

/* rt_sigaction(sig, act, oact, sigsetsize): `act` is copied once before
   `oact` is written (they may be the same memory). */
long sys_rt_sigaction(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_proc *p = proc_of(t);
	struct lfi_sigaction act, old;
	int sig = (int)r->rdi;

	if (bad_sigset_size(r->r10) || sig < 1 || sig > KSIG_MAX)
		return -EINVAL;
	if (r->rsi) {
		if (box_read(t, &act, r->rsi, sizeof act))
			return -EFAULT;
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		act.mask &= ~UNBLOCKABLE;
	}
	pthread_mutex_lock(&p->lock);
	old = p->sigactions[sig - 1];
	if (r->rsi)
		p->sigactions[sig - 1] = act;
	pthread_mutex_unlock(&p->lock);
	if (r->rdx && box_write(t, r->rdx, &old, sizeof old))
		return -EFAULT;
	return 0;
}

/* rt_sigprocmask(how, set, oset, sigsetsize) on the thread's own mask. */
long sys_rt_sigprocmask(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	uint64_t set, old = t->sigmask;

	if (bad_sigset_size(r->r10))
		return -EINVAL;
	if (r->rsi) {
		if (box_read(t, &set, r->rsi, sizeof set))
			return -EFAULT;
		switch (r->rdi) {
		case SIG_BLOCK:
			t->sigmask |= set;
			break;
		case SIG_UNBLOCK:
			t->sigmask &= ~set;
			break;
		case SIG_SETMASK:
			t->sigmask = set;
			break;
		default:
			return -EINVAL;
		}
		t->sigmask &= ~UNBLOCKABLE;
	}
	if (r->rdx && box_write(t, r->rdx, &old, sizeof old))
		return -EFAULT;
	return 0;
}
