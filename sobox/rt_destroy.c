/*
 * rt_destroy.c - PREFIX_box_destroy (boxrt.h): the library's box goes
 * away while the process goes on, and the next call makes a new one.
 *
 * The trampolines' fast path must not pay for this, so a destroy is a
 * store-then-load handshake with every entry into the box: an entry
 * makes its run current (host_rsp) and then reads its context's
 * `closed` (trampoline.h, LFI_TRAMP_OWN; sobox_call6 for calls from C);
 * a destroy sets `closed` on every host thread's context and then reads
 * their host_rsp. A membarrier between the destroy's store and load
 * orders the entries' plain store and load against them: either the
 * destroy sees the entry's run, or the entry sees `closed` and backs
 * out. Contexts are never freed by the destroy (an entry may be
 * reading one right now): each thread frees its own at its next call
 * (sobox_closed_c) or when it ends.
 */
#define _GNU_SOURCE
#include "boxrt.h"

#include <errno.h>
#include <linux/membarrier.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Every running thread of the process past a full barrier. */
static int barrier_all(void)
{
	static int registered;

	if (!registered &&
	    syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0)
		registered = 1;
	if (registered &&
	    syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) == 0)
		return 0;
	return syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0) == 0 ? 0 : -1;
}

/* `closed` on every host thread's context; under hosts_lock. */
static void close_hosts(uint64_t closed)
{
	struct sobox_lib *l = &sobox_lib;

	pthread_mutex_lock(&l->hosts_lock);
	for (size_t i = 0; i < l->nhosts; i++)
		__atomic_store_n(&l->hosts[i]->closed, closed, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&l->hosts_lock);
}

/* Is a host thread in a run of the box, or entering one? After
   close_hosts(1) and the barrier. */
static int anyone_inside(void)
{
	struct sobox_lib *l = &sobox_lib;
	int inside = __atomic_load_n(&l->c_calls, __ATOMIC_SEQ_CST) != 0;

	pthread_mutex_lock(&l->hosts_lock);
	for (size_t i = 0; i < l->nhosts && !inside; i++)
		inside = __atomic_load_n(&l->hosts[i]->host_rsp, __ATOMIC_SEQ_CST) != 0;
	pthread_mutex_unlock(&l->hosts_lock);
	return inside;
}

/* Under attach_lock: the box closed to every host thread, or -1 (errno
   set) and nothing changed. */
static int close_box(void)
{
	/* in a callback (this box's, another's; on a library thread, whose
	   end the destroy would wait for) */
	if (sobox_current_run())
		return errno = EBUSY, -1;
	close_hosts(1);
	if (barrier_all() < 0) {
		close_hosts(0);
		return errno = ENOSYS, -1;
	}
	if (anyone_inside()) {
		close_hosts(0);
		return errno = EBUSY, -1;
	}
	return 0;
}

int sobox_api_destroy(void)
{
	struct sobox_lib *l = &sobox_lib;

	if (sobox_lock_attach())
		return errno = EBUSY, -1;	/* from a signal handler, in setup */
	if (sobox_wait_for_destroy() || (l->ready && close_box())) {
		if (l->destroying)
			errno = EBUSY;
		sobox_unlock_attach();
		return -1;
	}
	if (!l->ready) {	/* never made (-lazy), failed, or destroyed */
		sobox_may_retry();
		sobox_unlock_attach();
		return 0;
	}
	l->destroying = 1;
	pthread_mutex_unlock(&l->attach_lock);	/* still in setup */
	/* attaching waits meanwhile, and no lock is held that the library's
	   threads could need */
	sobox_end_threads();
	pthread_mutex_lock(&l->attach_lock);
	sobox_unmake();
	l->destroying = 0;
	pthread_cond_broadcast(&l->destroyed);
	sobox_unlock_attach();
	return 0;
}

void sobox_end_threads(void)
{
	struct lfi_proc *p = &sobox_lib.p;

	pthread_mutex_lock(&p->lock);
	p->ended = NULL;
	pthread_mutex_unlock(&p->lock);
	lfi_proc_end(p, 0);
}

void sobox_unmake(void)
{
	struct sobox_lib *l = &sobox_lib;
	struct lfi_proc *p = &l->p;

	pthread_mutex_lock(&l->callback_lock);	/* register_cb maps in p->box */
	pthread_mutex_lock(&l->hosts_lock);	/* the contexts stay theirs */
	free(l->hosts);
	l->hosts = NULL;
	l->nhosts = l->cap_hosts = 0;
	pthread_mutex_unlock(&l->hosts_lock);
	while (l->free_stacks) {
		struct sobox_stack *s = l->free_stacks;

		l->free_stacks = s->next;
		free(s);
	}
	lfi_thread_free(l->main);	/* paused for good since sobox_init */
	lfi_fds_free(p->fds);
	lfi_fs_free(p->fs);
	free(p->exports);
	free(p->running);
	lfi_box_free(p->box);
	memset(p, 0, sizeof *p);
	p->lock = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	p->idle = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
	/* the table stays, emptied when the next box is made; the stubs
	   went with the box */
	l->callback_stubs = 0;
	l->main = NULL;
	memset(l->control, 0, sizeof l->control);
	memset(&l->adopt, 0, sizeof l->adopt);
	l->return_stub = l->control_stack = 0;
	l->dead = 0;
	__atomic_store_n(&l->ready, 0, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&l->callback_lock);
}
