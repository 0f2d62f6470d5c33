/*
 * boxrt.c - the part of every .box.so that sobox does not generate: the
 * box behind the library and the calls into it (boxrt.h).
 *
 * Linked statically into each .box.so with hidden visibility, so each
 * library has its own copy of the state below: one box per .box.so.
 */
#define _GNU_SOURCE
#include "boxrt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "core/call.h"
#include "core/signals.h"
#include "linux/linux.h"

#define CALL_STACK (1ULL << 20)		/* the sandbox stack of calls */

static struct {
	const char *name;	/* the .box.so, for messages */
	struct lfi_proc p;
	struct lfi_thread *t;	/* the stub's main context, paused */
	uint64_t *fns;		/* p.exports */
	size_t nfns;
	uint64_t stack_top, return_stub;
	pthread_t owner;	/* the one host thread that may call */
	int ready, busy, dead;
} lib = {
	.p = { .lock = PTHREAD_MUTEX_INITIALIZER,
	       .idle = PTHREAD_COND_INITIALIZER },
};

static void complain(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", lib.name);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
}

/* A fault in the box ends the call (it returns -1), not the process. */
static void on_fault(struct lfi_thread *t, int sig, siginfo_t *si, void *uc)
{
	char line[256];
	int n = snprintf(line, sizeof line, "%s: %s in the box at sandbox "
			 "address 0x%llx (pc 0x%llx); the call returns -1\n",
			 lib.name, sigabbrev_np(sig) ? sigabbrev_np(sig) : "fault",
			 (unsigned long long)(t->fault_addr - t->base),
			 (unsigned long long)(t->fault_pc - t->base));

	if (n > 0 && write(2, line, n) < 0)
		n = 0;
}

/* The box's name space: the embedded files and nothing else. With
   SOBOX_VERIFY_ALL=1 no digest is given, so all their code is verified. */
static int map_files(const struct sobox_file *files, size_t nfiles)
{
	static const int std[3] = { 0, 1, 2 };
	const char *all = getenv("SOBOX_VERIFY_ALL");
	int trust = !all || strcmp(all, "1");
	char why[512];
	int err;

	if (!(lib.p.fs = lfi_fs_new()) || !(lib.p.fds = lfi_fds_new(std)))
		return complain("%s", strerror(ENOMEM)), -1;
	for (size_t i = 0; i < nfiles; i++) {
		err = lfi_fs_add_memory_file(lib.p.fs, files[i].path, files[i].bytes,
					     files[i].size, trust ? files[i].digest : NULL);
		if (err) {
			snprintf(why, sizeof why, "%s: %s", files[i].path, strerror(-err));
			return complain("%s", why), -1;
		}
	}
	return 0;
}

/* Runs the stub through ld-musl until its handover (sys_sobox.c). */
static int run_stub(void)
{
	static char *const envp[] = { NULL };
	char *argv[] = { (char *)lib.name, NULL };
	struct lfi_start s;
	char why[512];

	if (lfi_proc_exec(&lib.p, SOBOX_STUB_PATH, argv, envp, &s, why, sizeof why))
		return complain("%s", why), -1;
	lib.t = s.t;
	lib.p.handover_from = lib.t;
	lfi_thread_run(lib.t, s.pc, s.sp, NULL);
	/* paused for good: no exit_group of a library thread waits for it */
	lfi_proc_detach(&lib.p, lib.t);
	if (!lib.p.exports)
		return complain("%s", "the library did not load in the box "
				"(the stub ended before its handover)"), -1;
	lib.fns = lib.p.exports;
	lib.nfns = lib.p.nexports;
	return 0;
}

/* The stack of calls (below a guard page) and the return stub: the
   paused main thread's stack is still in use below its frame. */
static int map_call_area(void)
{
	uint64_t stack = 0, stub = 0;
	char why[256] = "";

	if (lfi_box_map(lib.p.box, &stack, CALL_STACK + LFI_PAGE_SIZE, PROT_NONE, 0) ||
	    lfi_box_protect(lib.p.box, stack + LFI_PAGE_SIZE, CALL_STACK,
			    PROT_READ | PROT_WRITE) ||
	    lfi_box_map(lib.p.box, &stub, LFI_PAGE_SIZE, PROT_READ, 0) ||
	    lfi_box_map_return_stub(lib.p.box, stub, why, sizeof why))
		return complain("cannot map the call stack: %s", why), -1;
	lib.stack_top = stack + LFI_PAGE_SIZE + CALL_STACK;
	lib.return_stub = stub;
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
	lfi_box_code_bytes(lib.p.box, &verified, &preverified);
	fprintf(stderr, "%s: %s: %llu bytes of code verified, %llu preverified "
		"(digest)\n", lib.name, when, (unsigned long long)verified,
		(unsigned long long)preverified);
}

__attribute__((destructor)) static void sobox_unload(void)
{
	if (lib.ready)
		report(NULL);
}

int sobox_init(const char *name, const struct sobox_file *files, size_t nfiles,
	       size_t nexports)
{
	uint64_t table[LFI_RUNTIME_CALLS];
	struct timespec t0;
	int err;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	lib.name = name;
	lib.p.name = name;
	lib.owner = pthread_self();
	lfi_runtime_table(table);
	if (!(lib.p.box = lfi_box_new(table, &err)))
		return complain("cannot make a box: %s", strerror(-err)), -1;
	if (lfi_signals_catch_faults(on_fault) < 0)
		return complain("%s", "cannot install the fault handler"), -1;
	if (map_files(files, nfiles) || run_stub() || map_call_area())
		return -1;
	if (lib.nfns != nexports)
		return complain("%s", "the stub handed over a table of the wrong size"), -1;
	lib.ready = 1;
	report(&t0);
	return 0;
}

/* Why a call cannot be made now, or NULL. */
static const char *refuse(unsigned i)
{
	if (!lib.ready)
		return "the library's box was not set up";
	if (lib.dead)
		return "the library's box has ended (exit or a bad runtime call)";
	if (!pthread_equal(pthread_self(), lib.owner))
		return "called from another host thread (one thread only, for now)";
	if (lib.busy)
		return "called again during a call (not supported yet)";
	if (i >= lib.nfns)
		return "no such export";
	return NULL;
}

long sobox_call(unsigned i, long a, long b, long c, long d, long e, long f)
{
	const char *why = refuse(i);
	struct lfi_call call = {
		.args = { a, b, c, d, e, f },
		.stack_top = lib.stack_top,
		.return_stub = lib.return_stub,
	};
	long ret;

	if (why)
		return complain("%s", why), -1;
	call.fn = lib.fns[i];
	lib.busy = 1;
	ret = lfi_thread_call(lib.t, &call);
	lib.busy = 0;
	if (lib.t->fault_sig) {		/* on_fault said it */
		lib.t->fault_sig = 0;
		return -1;
	}
	if (lib.p.exited || lib.t->bad_call >= 0) {
		lib.dead = 1;
		complain("%s", lib.p.exited ? "the library ended its process in the box" :
				"bad runtime call in the box");
		return -1;
	}
	return ret;
}
