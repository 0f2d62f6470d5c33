/*
 * boxrt.c - making the box behind a .box.so at load (boxrt.h).
 */
#define _GNU_SOURCE
#include "boxrt.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "core/signals.h"

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)	/* asm/hwcap2.h */
#endif

struct sobox_lib sobox_lib = {
	.p = { .lock = PTHREAD_MUTEX_INITIALIZER,
	       .idle = PTHREAD_COND_INITIALIZER },
	.attach_lock = PTHREAD_MUTEX_INITIALIZER,
	.callback_lock = PTHREAD_MUTEX_INITIALIZER,
	.hosts_lock = PTHREAD_MUTEX_INITIALIZER,
	.destroyed = PTHREAD_COND_INITIALIZER,
};
uint64_t sobox_base;

static void complain_as(const char *name, const char *fmt, va_list ap)
{
	char line[512];
	int n = snprintf(line, sizeof line, "%s: ", name);

	vsnprintf(line + n, sizeof line - n - 1, fmt, ap);
	strcat(line, "\n");
	if (write(2, line, strlen(line)) < 0)	/* one write: one line */
		n = 0;
}

void sobox_complain(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	complain_as(sobox_lib.name, fmt, ap);
	va_end(ap);
}

static void complain_for(const struct lfi_thread *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The line names the .box.so whose box `t` is in: the process has one
   fault handler, the last .box.so's to load, for every box. */
static void complain_for(const struct lfi_thread *t, const char *fmt, ...)
{
	const struct lfi_proc *p = t->user;
	va_list ap;

	va_start(ap, fmt);
	complain_as(p && p->name ? p->name : sobox_lib.name, fmt, ap);
	va_end(ap);
}

/* A fault in the box ends the call (it fails), not the process. */
static void on_fault(struct lfi_thread *t, int sig, siginfo_t *si, void *uc)
{
	complain_for(t, "%s in the box at sandbox address 0x%llx (pc 0x%llx); "
		     "the call fails", sigabbrev_np(sig) ? sigabbrev_np(sig) : "fault",
		     (unsigned long long)(t->fault_addr - t->base),
		     (unsigned long long)(t->fault_pc - t->base));
}

/* The box's name space: the embedded files and nothing else. With
   SOBOX_VERIFY_ALL=1 no digest is given, so all their code is verified. */
static int map_files(const struct sobox_file *files, size_t nfiles)
{
	static const int std[3] = { 0, 1, 2 };
	const char *all = getenv("SOBOX_VERIFY_ALL");
	int trust = !all || strcmp(all, "1");
	struct lfi_proc *p = &sobox_lib.p;
	int err;

	if (!(p->fs = lfi_fs_new()) || !(p->fds = lfi_fds_new(std)))
		return sobox_complain("%s", strerror(ENOMEM)), -1;
	for (size_t i = 0; i < nfiles; i++) {
		err = lfi_fs_add_memory_file(p->fs, files[i].path, files[i].bytes,
					     files[i].size, trust ? files[i].digest : NULL);
		if (err)
			return sobox_complain("%s: %s", files[i].path, strerror(-err)), -1;
	}
	return 0;
}

/* Runs the stub through ld-musl until its handover (sys_sobox.c). */
static int run_stub(void)
{
	static char *const envp[] = { NULL };
	struct sobox_lib *l = &sobox_lib;
	char *argv[] = { (char *)l->name, NULL };
	struct lfi_start s;
	char why[512];

	if (lfi_proc_exec(&l->p, SOBOX_STUB_PATH, argv, envp, &s, why, sizeof why))
		return sobox_complain("%s", why), -1;
	l->main = s.t;
	l->p.handover_from = l->main;
	lfi_thread_run(l->main, s.pc, s.sp, NULL);
	/* paused for good: no exit_group of a library thread waits for it */
	lfi_proc_detach(&l->p, l->main);
	if (!l->p.exports)
		return sobox_complain("the library did not load in the box "
				      "(the stub ended before its handover)"), -1;
	return 0;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1e3 + (t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* SOBOX_VERBOSE=1: what start-up cost (t0), or what the library's code
   mapped since (at unload: code a library maps itself is counted too). */
static void report(const struct timespec *t0)
{
	const char *v = getenv("SOBOX_VERBOSE");
	uint64_t verified, preverified;
	char when[64] = "at unload";

	if (!v || strcmp(v, "1"))
		return;
	if (t0)
		snprintf(when, sizeof when, "box ready in %.2f ms", ms_since(t0));
	lfi_box_code_bytes(sobox_lib.p.box, &verified, &preverified);
	fprintf(stderr, "%s: %s: %llu bytes of code verified, %llu preverified "
		"(digest)\n", sobox_lib.name, when, (unsigned long long)verified,
		(unsigned long long)preverified);
}

__attribute__((destructor)) static void sobox_unload(void)
{
	if (sobox_lib.ready)
		report(NULL);
}

/* The callback table (filled with sobox_unregistered_cb; rt_api.c maps
   the stubs), before the library runs: every thread of the box calls
   through it, the library's own threads too (even one its constructor
   starts). Allocated once: a destroy empties it. */
static int callback_table(void)
{
	struct sobox_lib *l = &sobox_lib;

	if (!l->callbacks &&
	    !(l->callbacks = malloc(LFI_MAX_CALLBACKS * sizeof *l->callbacks)))
		return sobox_complain("%s", strerror(ENOMEM)), -1;
	for (unsigned k = 0; k < LFI_MAX_CALLBACKS; k++)
		l->callbacks[k] = (uint64_t)(uintptr_t)sobox_unregistered_cb;
	l->p.callbacks = l->callbacks;
	l->p.ncallbacks = LFI_MAX_CALLBACKS;
	return 0;
}

/* The return stub page, the stack attach runs on. */
static int map_runtime_pages(void)
{
	struct sobox_lib *l = &sobox_lib;
	uint64_t stub = 0, stack = 0;
	char why[256] = "";

	if (lfi_box_map(l->p.box, &stub, LFI_PAGE_SIZE, PROT_READ, 0) ||
	    lfi_box_map_return_stub(l->p.box, stub, why, sizeof why) ||
	    lfi_box_map_pinned(l->p.box, &stack, SOBOX_CALL_STACK))
		return sobox_complain("cannot map the runtime's pages: %s", why), -1;
	l->return_stub = stub;
	l->control_stack = stack + SOBOX_CALL_STACK - 64;
	return 0;
}

static void detach_at_exit(void *t);

/* What makes the box: sobox_init's arguments, kept to make it later
   (-lazy) or again (after sobox_destroy). */
static struct {
	const struct sobox_file *files;
	size_t nfiles;
	int set, failed;
} recipe;

/* Once per process, before the first box. */
static int prepare(void)
{
	static int done;
	struct sobox_lib *l = &sobox_lib;
	int err;

	if (done)
		return 0;
	/* the trampolines use rdgsbase/wrgsbase (Linux 5.9 and later lets
	   user code run them); without, their first call would be SIGILL */
	if (!(getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE))
		return sobox_complain("the kernel does not enable FSGSBASE "
				      "(Linux 5.9 or later): no box"), -1;
	if (lfi_signals_catch_faults(on_fault) < 0)
		return sobox_complain("cannot install the fault handler"), -1;
	if ((err = pthread_key_create(&l->key, detach_at_exit)))
		return sobox_complain("pthread_key_create: %s", strerror(err)), -1;
	done = 1;
	return 0;
}

static int make_box(void)
{
	struct sobox_lib *l = &sobox_lib;
	uint64_t table[LFI_RUNTIME_CALLS];
	struct timespec t0;
	int err;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	l->p.name = l->name;
	l->p.ended = sobox_ended;
	lfi_runtime_table(table);
	if (!(l->p.box = lfi_box_new(table, &err)))
		return sobox_complain("cannot make a box: %s", strerror(-err)), -1;
	sobox_base = lfi_box_base(l->p.box);
	if (map_files(recipe.files, recipe.nfiles) || callback_table() ||
	    run_stub() || map_runtime_pages())
		return -1;
	if (l->p.nexports != l->nexports + SOBOX_CONTROLS)
		return sobox_complain("the stub handed over a table of the wrong size"), -1;
	memcpy(l->control, l->p.exports + l->nexports, sizeof l->control);
	for (size_t i = 0; i < l->nexports; i++)
		sobox_fns[i] = l->p.exports[i];
	__atomic_store_n(&l->ready, 1, __ATOMIC_RELEASE);
	report(&t0);
	return 0;
}

int sobox_init_later(const char *name, const struct sobox_file *files,
		     size_t nfiles, size_t nexports)
{
	sobox_lib.name = name;
	sobox_lib.nexports = nexports;
	recipe.files = files;
	recipe.nfiles = nfiles;
	recipe.set = 1;
	return 0;
}

/* A box that failed to be made is not tried again (each call would pay
   for the attempt and print its line) until a destroy says so; what the
   attempt made goes, threads the library's constructor started too. */
static int make_or_fail(void)
{
	if (!prepare() && !make_box())
		return 0;
	recipe.failed = 1;
	sobox_end_threads();
	sobox_unmake();
	return -1;
}

void sobox_may_retry(void)
{
	recipe.failed = 0;
}

int sobox_init(const char *name, const struct sobox_file *files, size_t nfiles,
	       size_t nexports)
{
	sobox_init_later(name, files, nfiles, nexports);
	return make_or_fail();
}

int sobox_ready_locked(void)
{
	struct sobox_lib *l = &sobox_lib;

	if (!l->ready && !l->destroying && recipe.set && !recipe.failed)
		make_or_fail();
	return l->ready;
}

int sobox_ready(void)
{
	struct sobox_lib *l = &sobox_lib;
	int ready;

	if (__atomic_load_n(&l->ready, __ATOMIC_ACQUIRE))
		return 1;
	if (sobox_lock_attach())
		return 0;
	ready = !sobox_wait_for_destroy() && sobox_ready_locked();
	sobox_unlock_attach();
	return ready;
}

void sobox_kill(const char *why)
{
	struct sobox_lib *l = &sobox_lib;

	if (__atomic_exchange_n(&l->dead, 1, __ATOMIC_ACQ_REL))
		return;
	sobox_complain("the box has ended (%s): every call fails from now on", why);
	for (size_t i = 0; i < l->nexports; i++)
		__atomic_store_n(&sobox_fns[i], l->return_stub +
				 (sobox_descs[i]->ret_ptr ? LFI_STUB_RETURN_ZERO :
				  LFI_STUB_RETURN_MINUS_ONE), __ATOMIC_RELEASE);
}

/* No run is in progress on a thread that ends, but a host longjmp out
   of a callback (pthread_exit in one is such a jump too: glibc's unwinder
   finds no frames in the box and jumps to the thread's start) leaves a
   run's words in its TCB and its context. glibc gives the TCB as it is
   to a later thread, whose first call would take them for a run of its
   own (and follow a freed context): cleared. */
static void forget_runs(struct lfi_thread *t)
{
	__asm__ volatile("movq $0, %%fs:%c0\n\tmovq $0, %%fs:%c1\n\t"
			 "movq $0, %%fs:%c2\n\tmovq $0, %%fs:%c3"
			 : : "i"(LFI_SLOT_CTX), "i"(LFI_SLOT_RET), "i"(LFI_SLOT_TP),
			   "i"(LFI_SLOT_FPDIRTY) : "memory");
	t->host_rsp = 0;
	t->in_callback = 0;
}

/* The thread's context goes with it (pthread key destructor): its libc
   thread ends in the box (pthread_exit), its stack is kept for the next
   thread. */
static void detach_at_exit(void *arg)
{
	struct lfi_thread *t = arg;
	struct sobox_lib *l = &sobox_lib;
	struct sobox_stack *s = malloc(sizeof *s);
	int marked = sobox_setup_begin() == 0, detached;

	forget_runs(t);
	sobox_thread = NULL;
	/* still on the list of hosts: a destroy closes it, or waits */
	detached = sobox_detach(t);
	/* off the list and its stack given back in one step: a destroy
	   either closed it (the stack went with the box) or never sees it */
	pthread_mutex_lock(&l->attach_lock);
	sobox_forget_host(t);
	if (s && detached && !t->closed) {
		s->lo = t->call_stack_lo;
		s->next = l->free_stacks;
		l->free_stacks = s;
		s = NULL;
	}
	pthread_mutex_unlock(&l->attach_lock);
	free(s);
	lfi_thread_free(t);
	if (marked)
		sobox_setup_end();
}
