/*
 * Threads: clone (threads only), exit and exit_group, set_tid_address,
 * gettid, futex, sched_getaffinity, sched_yield.
 *
 * A sandbox thread is a host thread (pthread) with its own struct
 * lfi_thread, host stack and alternate signal stack (lfi_thread_new); it
 * starts where its parent returns from clone, on the sandbox stack and
 * with the thread pointer the sandbox asked for. Thread ids are the host
 * threads' ids. The set_tid_address word is cleared and woken by the
 * runtime when the thread ends, as the kernel would.
 */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* What musl's pthread_create asks for; a thread needs all of these ... */
#define THREAD_NEEDS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
		      CLONE_THREAD | CLONE_SYSVSEM)
/* ... and may ask for these (CLONE_DETACHED is ignored, as by Linux). */
#define THREAD_MAY (CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | \
		    CLONE_DETACHED)

static int host_tid(void)
{
	return (int)syscall(SYS_gettid);
}

/* What a new thread needs, read by the parent during its clone; the
   parent waits until the child has taken it (it lives on the parent's
   host stack). */
struct start {
	struct lfi_proc *proc;
	struct lfi_return_point at;
	uint64_t flags, sp, tp, ptid, ctid, sigmask;
	uint64_t args[6];
	sem_t ready;
	int tid;		/* the child's, or -errno */
};

/* The thread is gone for the sandbox: clear its set_tid_address word and
   wake one waiter (musl's __thread_list_lock is released this way), with
   a shared futex like the kernel's. */
static void clear_child_tid(struct lfi_thread *t)
{
	static const uint32_t zero;
	uint64_t word = t->clear_tid;

	/* once: musl's word is __thread_list_lock, which another thread
	   may hold again by the time a second clear would come */
	t->clear_tid = 0;
	if (!word || box_write(t, word, &zero, sizeof zero))
		return;
	syscall(SYS_futex, word, FUTEX_WAKE, 1, NULL, NULL, 0);
}

static void thread_gone(struct lfi_proc *p)
{
	pthread_mutex_lock(&p->lock);
	p->threads--;
	pthread_cond_broadcast(&p->idle);
	pthread_mutex_unlock(&p->lock);
}

int lfi_proc_attach(struct lfi_proc *p, struct lfi_thread *t)
{
	int err = 0;

	pthread_mutex_lock(&p->lock);
	if (p->nrunning == p->cap_running) {
		size_t cap = p->cap_running ? 2 * p->cap_running : 16;
		struct lfi_thread **v = realloc(p->running, cap * sizeof *v);
		if (v) {
			p->running = v;
			p->cap_running = cap;
		}
	}
	if (p->nrunning < p->cap_running)
		p->running[p->nrunning++] = t;
	else
		err = -ENOMEM;
	pthread_mutex_unlock(&p->lock);
	return err;
}

void lfi_proc_detach(struct lfi_proc *p, struct lfi_thread *t)
{
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < p->nrunning; i++)
		if (p->running[i] == t) {
			p->running[i] = p->running[--p->nrunning];
			break;
		}
	pthread_cond_broadcast(&p->idle);
	pthread_mutex_unlock(&p->lock);
}

/* Asks every other running context to stop, again every millisecond
   (a request can land while a thread is in the runtime's entry code),
   until `self` is the only one left. */
static void stop_others(struct lfi_proc *p, struct lfi_thread *self, int status)
{
	struct timespec ms = { 0, 1000000 };

	for (;;) {
		size_t others = 0;

		pthread_mutex_lock(&p->lock);
		for (size_t i = 0; i < p->nrunning; i++)
			if (p->running[i] != self) {
				lfi_thread_stop(p->running[i], status);
				others++;
			}
		pthread_mutex_unlock(&p->lock);
		if (!others)
			return;
		nanosleep(&ms, NULL);
	}
}

/* exit_group: the process's status, then every other thread stops (each
   leaves its run; the first thread's lfi_thread_run returns). Only the
   first caller stops the others: two stopping each other would wait for
   each other forever. A later caller just leaves, like the others. */
static void end_process(struct lfi_proc *p, struct lfi_thread *self, int status)
{
	void (*ended)(struct lfi_proc *);
	int first;

	pthread_mutex_lock(&p->lock);
	first = !p->exited;
	if (first) {
		p->exited = 1;
		p->exit_status = status;
	}
	ended = p->ended;	/* an embedder may clear it (under the lock) */
	pthread_cond_broadcast(&p->idle);
	pthread_mutex_unlock(&p->lock);
	if (first && ended)
		ended(p);
	if (first)
		stop_others(p, self, status);
}

/* A context is done: off the running list and out of the count in one
   step, the last touch of `p` (whoever waits for it may free it). */
static void thread_done(struct lfi_proc *p, struct lfi_thread *t)
{
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < p->nrunning; i++)
		if (p->running[i] == t) {
			p->running[i] = p->running[--p->nrunning];
			break;
		}
	p->threads--;
	pthread_cond_broadcast(&p->idle);
	pthread_mutex_unlock(&p->lock);
}

static void *thread_main(void *arg)
{
	struct start *s = arg;
	struct lfi_proc *p = s->proc;
	struct lfi_thread *t;
	struct lfi_return_point at = s->at;
	uint64_t sp = s->sp, args[6];
	uint32_t tid = host_tid();

	/* not the mask of the host thread whose call made the clone: a
	   host that blocks everything (sigwait) would keep the stop out */
	lfi_thread_block_host_signals();
	t = lfi_thread_new(p->box, lfi_linux_syscall, p);
	if (!t || lfi_proc_attach(p, t)) {
		lfi_thread_free(t);
		s->tid = -EAGAIN;
		sem_post(&s->ready);
		return NULL;
	}
	t->tp = s->tp;
	t->clear_tid = s->flags & CLONE_CHILD_CLEARTID ? s->ctid : 0;
	t->sigmask = s->sigmask;
	t->callbacks = p->callbacks;
	t->ncallbacks = p->ncallbacks;
	for (int i = 0; i < 6; i++)
		args[i] = s->args[i];
	/* Like the kernel: the parent's word is set before either runs on
	   (a word the box cannot take is skipped, as put_user's failure). */
	if (s->flags & CLONE_PARENT_SETTID)
		box_write(t, s->ptid, &tid, sizeof tid);
	s->tid = tid;
	sem_post(&s->ready);	/* s is gone from here on */
	lfi_thread_resume(t, at, sp, args);
	if (t->bad_call >= 0 && !t->stop)
		end_process(p, t, 128 + SIGILL);	/* like a fault */
	clear_child_tid(t);
	thread_done(p, t);
	lfi_thread_free(t);
	return NULL;
}

long sys_clone(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_proc *p = proc_of(t);
	struct start s = {
		.proc = p, .at = lfi_thread_return_point(t),
		.flags = r->rdi, .sp = r->rsi, .ptid = r->rdx, .ctid = r->r10,
		.tp = r->rdi & CLONE_SETTLS ? r->r8 : t->tp,
		.sigmask = t->sigmask,
		/* the child's argument registers: the parent's, but %rcx
		   (the kernel's return address there) */
		.args = { r->rdi, r->rsi, r->rdx, 0, r->r8, r->r9 },
	};
	pthread_attr_t attr;
	pthread_t thread;
	int err;

	if (p->adopt && p->adopt->from == t)
		return sobox_adopt_clone(t, r);
	if ((s.flags & THREAD_NEEDS) != THREAD_NEEDS)
		return -ENOSYS;		/* processes: fork, vfork, ... */
	if (s.flags & ~(uint64_t)(THREAD_NEEDS | THREAD_MAY))
		return -EINVAL;
	if (!in_box(t, s.sp - 8, 8))
		return -EINVAL;
	if (sem_init(&s.ready, 0, 0) < 0)
		return -EAGAIN;
	pthread_mutex_lock(&p->lock);
	p->threads++;
	pthread_mutex_unlock(&p->lock);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&thread, &attr, thread_main, &s);
	pthread_attr_destroy(&attr);
	if (err) {
		thread_gone(p);
		sem_destroy(&s.ready);
		return -EAGAIN;
	}
	while (sem_wait(&s.ready) < 0)
		;
	sem_destroy(&s.ready);
	if (s.tid < 0)
		thread_gone(p);
	return s.tid;
}

/* One thread ends. (A thread stopped by exit_group gets its tid word
   cleared by thread_main; the first thread's is cleared here.) */
long sys_exit(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	clear_child_tid(t);
	lfi_leave(t, (int)r->rdi & 0xff);
}

/* The whole process ends: every thread stops, this one last. */
long sys_exit_group(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int status = (int)r->rdi & 0xff;

	end_process(proc_of(t), t, status);
	lfi_leave(t, status);
}

void lfi_proc_end(struct lfi_proc *p, int status)
{
	end_process(p, NULL, status);
	pthread_mutex_lock(&p->lock);
	while (p->threads > 0 || p->nrunning > 0)
		pthread_cond_wait(&p->idle, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

void lfi_proc_wait(struct lfi_proc *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->threads > 0 && !p->exited)
		pthread_cond_wait(&p->idle, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

/* Emulated, never passed to the kernel (which would clear a box word
   when the host thread ends, perhaps after the box is gone). */
long sys_set_tid_address(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	t->clear_tid = r->rdi;
	return host_tid();
}

long sys_gettid(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return host_tid();
}

/* The kernel's futex on the box address: the memory is the box's own, so
   waiters and wakers of one box meet there. Both addresses are checked;
   the timeout is copied once. */
long sys_futex(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int op = (int)r->rsi;
	uint64_t addr = r->rdi, addr2 = r->r8, arg4 = r->r10;
	struct timespec ts;

	if (addr % 4)
		return -EINVAL;
	if (!in_box(t, addr, 4))
		return -EFAULT;
	switch (op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (arg4) {
			if (box_read(t, &ts, arg4, sizeof ts))
				return -EFAULT;
			arg4 = (uint64_t)(uintptr_t)&ts;
		}
		break;
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		break;
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		/* arg4 is a count here, not a pointer */
		if (addr2 % 4)
			return -EINVAL;
		if (!in_box(t, addr2, 4))
			return -EFAULT;
		break;
	default:
		return -ENOSYS;
	}
	long ret = syscall(SYS_futex, addr, op, (uint32_t)r->rdx, arg4, addr2,
			   (uint32_t)r->r9);
	return ret < 0 ? -errno : ret;
}

/* Only the caller's own mask (pid 0 or its tid). */
long sys_sched_getaffinity(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	unsigned char mask[1024];
	size_t len = r->rsi < sizeof mask ? r->rsi : sizeof mask;
	long n;

	if (r->rdi != 0 && (int)r->rdi != host_tid())
		return -ESRCH;
	n = syscall(SYS_sched_getaffinity, 0, len, mask);
	if (n < 0)
		return -errno;
	return box_write(t, r->rdx, mask, n) ? -EFAULT : n;
}

long sys_sched_yield(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return sched_yield() < 0 ? -errno : 0;
}
