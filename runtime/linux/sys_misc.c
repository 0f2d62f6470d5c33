/* Time, randomness, identity, and what is accepted and ignored. */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

long sys_clock_gettime(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct timespec ts;

	if (!box_clock(r->rdi))
		return -EINVAL;
	if (clock_gettime((clockid_t)r->rdi, &ts) < 0)
		return -errno;
	return box_write(t, r->rsi, &ts, sizeof ts);
}

long sys_getrandom(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	void *buf = in_box(t, r->rdi, r->rsi);

	if (!buf)
		return -EFAULT;
	long n = getrandom(buf, r->rsi, (unsigned)r->rdx & GRND_NONBLOCK);
	return n < 0 ? -errno : n;
}

long sys_getpid(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return getpid();
}

/* Emulated as done: set_robust_list (robust mutexes of a thread that
   dies are not recovered), sched_yield. */
long sys_ignored(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return 0;
}
