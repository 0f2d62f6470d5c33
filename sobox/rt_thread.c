/*
 * rt_thread.c - host threads in the box (boxrt.h). musl cannot adopt a
 * foreign thread, so each host thread, on its first call, gets a thread
 * of the sandbox's libc: the stub's attach function runs pthread_create
 * with a stack the runtime pins, the runtime makes no host thread for
 * its clone (struct lfi_adopt) but runs the new thread's start on this
 * host thread's own context until the stub pauses it. Calls then run on
 * that context below the paused frame; when the host thread ends, its
 * libc thread ends too (detach_at_exit, boxrt.c).
 */
#define _GNU_SOURCE
#include "boxrt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

__thread struct lfi_thread *sobox_thread __attribute__((tls_model("initial-exec")));

/* Room left above a paused thread's frame (its red zone and more). */
#define PAUSED_FRAME_ROOM 256

static int new_stack(uint64_t *lo)
{
	struct sobox_lib *l = &sobox_lib;
	struct sobox_stack *s = l->free_stacks;

	if (s) {
		l->free_stacks = s->next;
		*lo = s->lo;
		free(s);
		return 0;
	}
	*lo = 0;
	return lfi_box_map_pinned(l->p.box, lo, SOBOX_CALL_STACK);
}

/* Runs the stub's attach on `t` with the main thread's libc identity
   (under attach_lock: nothing else uses it, the main thread is paused
   for good); the clone it makes is recorded in `a`. */
static int clone_in_box(struct lfi_thread *t, struct lfi_adopt *a, uint64_t lo)
{
	struct sobox_lib *l = &sobox_lib;
	struct lfi_call c = {
		.fn = l->control[SOBOX_ATTACH],
		.args = { lo, SOBOX_CALL_STACK },
		.stack_top = l->control_stack,
		.return_stub = l->return_stub,
	};
	long thread;

	t->tp = l->main->tp;
	t->sigmask = l->main->sigmask;
	a->from = t;
	a->tid = (int)syscall(SYS_gettid);
	__atomic_store_n(&l->p.adopt, a, __ATOMIC_RELEASE);
	thread = lfi_thread_call(t, &c);
	if (!thread || !a->cloned || t->fault_sig || t->bad_call >= 0)
		return -1;
	return 0;
}

/* Runs the new libc thread's start on `t` until the stub pauses it. */
static int start_adopted(struct lfi_thread *t, struct lfi_adopt *a, uint64_t lo)
{
	uint64_t sp;

	a->to = t;
	t->tp = a->tp;
	t->clear_tid = a->ctid;
	lfi_thread_resume(t, a->at, a->sp, a->args);
	if (!a->paused)
		return -1;
	/* a call slot: 8 below a 64-byte boundary (tramp.c's frames) */
	sp = ((a->paused_sp - PAUSED_FRAME_ROOM) & ~63ULL) - 8;
	if (sp < lo + SOBOX_CALL_STACK / 2 || sp > lo + SOBOX_CALL_STACK)
		return -1;	/* musl put its TLS elsewhere, or nothing is left */
	t->call_sp = sp;
	t->call_stack_lo = lo;
	t->return_stub = sobox_lib.return_stub;
	*(uint64_t *)(uintptr_t)sp = t->return_stub;	/* pinned: no fault */
	t->callbacks = sobox_lib.callbacks;
	t->ncallbacks = LFI_MAX_CALLBACKS;
	return 0;
}

/* Under attach_lock. */
static struct lfi_thread *adopt(void)
{
	struct sobox_lib *l = &sobox_lib;
	struct lfi_adopt *a = &l->adopt;
	struct lfi_thread *t;
	uint64_t lo;
	int ok;

	if (!(t = lfi_thread_new(l->p.box, lfi_linux_syscall, &l->p)))
		return NULL;
	memset(a, 0, sizeof *a);
	ok = !new_stack(&lo) && !clone_in_box(t, a, lo) && !start_adopted(t, a, lo);
	__atomic_store_n(&l->p.adopt, NULL, __ATOMIC_RELEASE);
	if (!ok) {
		lfi_thread_free(t);
		return NULL;
	}
	return t;
}

/* On the list of hosts; -1 when there is no room (ENOMEM). */
static int remember_host(struct lfi_thread *t)
{
	struct sobox_lib *l = &sobox_lib;
	int err = 0;

	pthread_mutex_lock(&l->hosts_lock);
	if (l->nhosts == l->cap_hosts) {
		size_t cap = l->cap_hosts ? 2 * l->cap_hosts : 16;
		struct lfi_thread **v = realloc(l->hosts, cap * sizeof *v);
		if (v) {
			l->hosts = v;
			l->cap_hosts = cap;
		}
	}
	if (l->nhosts < l->cap_hosts)
		l->hosts[l->nhosts++] = t;
	else
		err = -1;
	pthread_mutex_unlock(&l->hosts_lock);
	return err;
}

void sobox_forget_host(struct lfi_thread *t)
{
	struct sobox_lib *l = &sobox_lib;

	pthread_mutex_lock(&l->hosts_lock);
	for (size_t i = 0; i < l->nhosts; i++)
		if (l->hosts[i] == t) {
			l->hosts[i] = l->hosts[--l->nhosts];
			break;
		}
	pthread_mutex_unlock(&l->hosts_lock);
}

/* Every other host thread's context gets the stop request: one in a run
   (a blocking system call, a long computation) leaves it and the call
   fails, one in a callback's host code when the callback returns; the
   others never enter again (the exports are the dead box's by now, the
   box API runs nothing). No signal for a thread that is not in a run: it
   is running the host's code, whose system calls a signal would
   interrupt. */
void sobox_ended(struct lfi_proc *p)
{
	struct sobox_lib *l = &sobox_lib;
	pthread_t self = pthread_self();

	if (!l->ready)
		return;		/* at load: sobox_init says it */
	sobox_kill("the library ended its process");
	pthread_mutex_lock(&l->hosts_lock);
	for (size_t i = 0; i < l->nhosts; i++) {
		struct lfi_thread *t = l->hosts[i];

		if (pthread_equal(t->host_thread, self))
			continue;	/* its own run is leaving */
		t->stop_value = -1;
		__atomic_store_n(&t->stop, 1, __ATOMIC_RELEASE);
		sobox_unwind_if_dead(t);	/* in a callback: at its return */
		if (__atomic_load_n(&t->host_rsp, __ATOMIC_ACQUIRE))
			lfi_thread_stop(t, -1);
	}
	pthread_mutex_unlock(&l->hosts_lock);
}

/* This thread is making, destroying or leaving the box, or holds
   attach_lock: a signal handler calling in on it must fail, not wait
   for itself. Set before the lock is taken, cleared after it is let go,
   kept across the waits. */
static __thread int in_box_setup __attribute__((tls_model("initial-exec")));

int sobox_setup_begin(void)
{
	if (in_box_setup)
		return -1;
	in_box_setup = 1;
	return 0;
}

void sobox_setup_end(void)
{
	in_box_setup = 0;
}

int sobox_lock_attach(void)
{
	if (sobox_setup_begin())
		return -1;
	pthread_mutex_lock(&sobox_lib.attach_lock);
	return 0;
}

void sobox_unlock_attach(void)
{
	pthread_mutex_unlock(&sobox_lib.attach_lock);
	sobox_setup_end();
}

int sobox_wait_for_destroy(void)
{
	struct sobox_lib *l = &sobox_lib;

	while (l->destroying && !sobox_current_run())
		pthread_cond_wait(&l->destroyed, &l->attach_lock);
	return l->destroying ? -1 : 0;
}

/* The box made if it is not yet, the thread's libc thread and its place
   on the list of hosts in one step under attach_lock: a destroy sees
   the context closed or not at all. */
static struct lfi_thread *attach_locked(void)
{
	struct sobox_lib *l = &sobox_lib;
	struct lfi_thread *t;

	if (sobox_wait_for_destroy()) {
		sobox_complain("the box is being destroyed: the call fails");
		return NULL;
	}
	if (!sobox_ready_locked() || l->dead) {
		sobox_complain(l->dead ? "the box has ended: the call fails" :
			       "the library's box was not set up: the call fails");
		return NULL;
	}
	if (!(t = adopt()) || remember_host(t)) {
		/* its box thread stays, paused: no room to note it */
		lfi_thread_free(t);
		sobox_complain("cannot give this thread a thread in the box: the call fails");
		return NULL;
	}
	return t;
}

struct lfi_thread *sobox_attach(void)
{
	struct sobox_lib *l = &sobox_lib;
	struct lfi_thread *t = sobox_thread;

	if (t)
		return t;
	if (sobox_lock_attach()) {
		sobox_complain("a call into the box while this thread sets it up: refused");
		return NULL;
	}
	t = attach_locked();
	sobox_unlock_attach();
	if (t) {
		pthread_setspecific(l->key, t);
		sobox_thread = t;
	}
	return t;
}

static uint64_t call6_counted(struct lfi_thread *t, enum sobox_control fn,
			      const uint64_t args[6], uint64_t fail);

int sobox_closed_c(void)
{
	struct sobox_lib *l = &sobox_lib;
	struct lfi_thread *t;
	int fail, gone;

	/* first: a signal handler calling in from here on fails, so `t`
	   stays this code's to read and free */
	if (sobox_setup_begin()) {
		sobox_complain("a call into the box while this thread sets it up: refused");
		return -1;
	}
	t = sobox_thread;
	pthread_mutex_lock(&l->attach_lock);
	fail = sobox_wait_for_destroy();
	gone = t && t->closed;
	pthread_mutex_unlock(&l->attach_lock);
	if (gone) {	/* in no run: the destroy found it so */
		sobox_thread = NULL;
		pthread_setspecific(l->key, NULL);
		sobox_forget_host(t);	/* an exit_group may walk the list */
		lfi_thread_free(t);
	}
	sobox_setup_end();
	if (fail)
		sobox_complain("the box is being destroyed: the call fails");
	return fail;
}

/* The stub's DETACH on `t` (pthread_exit of its libc thread): 1 when it
   ran, 0 when the box went first or is dead. A destroy that closed the
   context for a moment and then gave up (EBUSY) is waited for and the
   detach made again: a stack whose libc thread did not end must never
   be given to another thread. Called with in_box_setup set. */
int sobox_detach(struct lfi_thread *t)
{
	struct sobox_lib *l = &sobox_lib;
	uint64_t none[6] = { 0 };
	int closed;

	for (;;) {
		if (__atomic_load_n(&l->dead, __ATOMIC_ACQUIRE))
			return 0;
		sobox_thread = t;
		if (sobox_c_begin(1) == 0) {
			/* pthread_exit's run ends with its status, 0; a fault
			   or a stop (-1) leaves the libc thread alive */
			uint64_t r = call6_counted(t, SOBOX_DETACH, none, (uint64_t)-1);

			sobox_c_end();
			sobox_thread = NULL;
			return r == 0;
		}
		sobox_thread = NULL;
		pthread_mutex_lock(&l->attach_lock);
		sobox_wait_for_destroy();	/* in no run: it waits */
		closed = t->closed;
		pthread_mutex_unlock(&l->attach_lock);
		if (closed)
			return 0;
	}
}

int sobox_c_begin(int detaching)
{
	struct lfi_thread *t;

	for (;;) {
		if (!(t = sobox_attach()))
			return -1;
		__atomic_add_fetch(&sobox_lib.c_calls, 1, __ATOMIC_SEQ_CST);
		if (!__atomic_load_n(&t->closed, __ATOMIC_SEQ_CST))
			return 0;
		__atomic_sub_fetch(&sobox_lib.c_calls, 1, __ATOMIC_SEQ_CST);
		/* detach_at_exit frees its context itself */
		if (detaching || sobox_closed_c())
			return -1;
	}
}

void sobox_c_end(void)
{
	__atomic_sub_fetch(&sobox_lib.c_calls, 1, __ATOMIC_SEQ_CST);
}

/* Where a call from C starts: the call slot, or below the interrupted
   frame when the thread is in a callback of this box; 0 when neither. */
static uint64_t call_stack_top(struct lfi_thread *t)
{
	uint64_t sp;

	if (!t->host_rsp)
		return t->call_sp + 8;
	if (!t->cb_frame || t->cb_frame >= t->host_rsp)
		return 0;	/* the innermost run is in none of its callbacks */
	sp = (t->sbx_rsp - 128 - 64) & ~15ULL;
	return sp > t->call_stack_lo && sp <= t->call_sp ? sp : 0;
}

struct lfi_thread *sobox_current_run(void)
{
	struct lfi_thread *ctx;

	__asm__ volatile("movq %%fs:%c1, %0" : "=r"(ctx) : "i"(LFI_SLOT_CTX));
	return ctx;
}

int sobox_busy_check(struct lfi_thread *ctx, uint64_t sp);

/* sobox_call6 once its call from C is counted (sobox_c_begin). */
static uint64_t call6_counted(struct lfi_thread *t, enum sobox_control fn,
			      const uint64_t args[6], uint64_t fail)
{
	struct lfi_thread *ctx;
	struct lfi_call c;
	long ret;

	/* read only now: with -lazy, attaching the first thread made the box */
	c = (struct lfi_call){ .fn = sobox_lib.control[fn],
			       .return_stub = sobox_lib.return_stub };
	/* the remains of a host longjmp out of a callback: refused as by
	   the trampolines (sobox_busy), not run below the dead frame */
	if ((ctx = sobox_current_run()) &&
	    sobox_busy_check(ctx, (uint64_t)(uintptr_t)__builtin_frame_address(0)))
		return fail;
	/* an ended box runs nothing more, like its exports (its libc's state
	   is whatever exit left: a realloc there would free the block the
	   failed call leaves to the caller) */
	if (__atomic_load_n(&sobox_lib.dead, __ATOMIC_ACQUIRE))
		return fail;
	if (!(c.stack_top = call_stack_top(t))) {
		sobox_complain("a call into the box from a signal handler that "
			       "interrupted it: refused");
		return fail;
	}
	memcpy(c.args, args, sizeof c.args);
	ret = lfi_thread_call(t, &c);
	if (t->fault_sig || t->bad_call >= 0 || sobox_lib.p.exited) {
		t->fault_sig = 0;
		if (t->bad_call >= 0 || sobox_lib.p.exited)
			sobox_kill(sobox_lib.p.exited ? "the library ended its process" :
				   "a bad runtime call");
		return fail;
	}
	return (uint64_t)ret;
}

uint64_t sobox_call6(enum sobox_control fn, const uint64_t args[6], uint64_t fail)
{
	uint64_t r;

	if (sobox_c_begin(fn == SOBOX_DETACH))
		return fail;
	r = call6_counted(sobox_thread, fn, args, fail);
	sobox_c_end();
	return r;
}
