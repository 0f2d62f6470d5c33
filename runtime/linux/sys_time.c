/* Clocks and sleeping: results written into the box with box_write,
   arguments read once with box_read. */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <sys/time.h>
#include <time.h>

long sys_clock_getres(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct timespec ts;

	if (!box_clock(r->rdi))
		return -EINVAL;
	if (clock_getres((clockid_t)r->rdi, &ts) < 0)
		return -errno;
	return r->rsi ? box_write(t, r->rsi, &ts, sizeof ts) : 0;
}

long sys_gettimeofday(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct timeval tv;

	if (r->rsi)
		return -EINVAL;	/* the timezone argument is obsolete */
	gettimeofday(&tv, NULL);
	return r->rdi ? box_write(t, r->rdi, &tv, sizeof tv) : 0;
}

/* The remaining time goes back only when the sleep was interrupted. */
static long sleep_on(struct lfi_thread *t, clockid_t clock, int flags,
		     uint64_t req, uint64_t rem)
{
	struct timespec in, left;
	int err = box_read(t, &in, req, sizeof in);

	if (err)
		return err;
	err = clock_nanosleep(clock, flags, &in, &left);
	if (err == EINTR && rem && !(flags & TIMER_ABSTIME))
		box_write(t, rem, &left, sizeof left);
	return -err;
}

long sys_nanosleep(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return sleep_on(t, CLOCK_REALTIME, 0, r->rdi, r->rsi);
}

long sys_clock_nanosleep(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	if (!box_clock(r->rdi))
		return -EINVAL;
	return sleep_on(t, (clockid_t)r->rdi, (int)r->rsi & TIMER_ABSTIME,
			r->rdx, r->r10);
}
