/* The host program of tests/sobox/calls.sh, linked against
   libcalls.box.so. `host MODE` runs one group of checks (each group in
   its own process: a dead box or a broken thread state stays there). */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calls_box.h"
#include "check.h"

long mix(long, long);
long thread_enter(void);
long threads_live(void);
long box_self(void);
long par_sum(long, long);
long par_cb(long, long (*)(long));
void sort_ints(int *, size_t, int (*)(const void *, const void *));
long fib_cb(long, long (*)(long));
long fib_l(long, long);
long down(long, long);
double sum_many(long, double, long, double, long, double, long, double, long,
		double, long, double, long, double, long, double, long, double);
struct big {
	long v[5];
};
struct big make_big(long, long, long, long, long, long, long);
long call_cb(long (*)(long), long);
typedef double many_fn(long, double, long, double, long, double, long, double,
		       long, double, long, double, long, double, long, double,
		       long, double, long, double);
double relay_many(many_fn *, long, double, long, double, long, double, long,
		  double, long, double, long, double, long, double, long,
		  double, long, double);
float relay_float(float (*)(float, int, float), float, int);
long is_mix(void *);
long str_len(const char *);
char *echo(char *);
long seventh(long, long, long, long, long, long, const char *);
char *bad_ptr(long);
int get(char **, long);
long crash(long);
long spin_until(volatile int *);
char *crash_ptr(long);
long do_exit(long);
long exit_in_thread(long, long);
long counter_next(void);
long box_setjmp_call(long (*)(long));
long box_jump(long);

/* mix as the box computes it */
static long host_mix(long a, long b)
{
	unsigned long x = (unsigned long)a * 0x9e3779b97f4a7c15UL;

	return (long)(x ^ (x >> 29) ^ ((unsigned long)b << 7) ^ (unsigned long)b);
}

/* ---- threads ---- */

#define CALLS_PER_THREAD 1000000

/* A million calls, each result checked: arguments that differ per
   thread and per call, so a result crossing threads is seen. */
static void *million(void *arg)
{
	long id = (long)arg, bad = 0;

	thread_enter();
	for (long i = 0; i < CALLS_PER_THREAD; i++) {
		long a = i * 8 + id, b = id << 40 | i;
		bad += mix(a, b) != host_mix(a, b);
	}
	return (void *)bad;
}

/* A short-lived thread: a first call (its box thread is made), the
   live count, its box identity, then it ends (its box thread too). */
static void *short_lived(void *arg)
{
	long *out = arg;

	out[0] = thread_enter();
	out[1] = box_self();
	out[2] = mix(out[1], 3) == host_mix(out[1], 3);
	return NULL;
}

static int distinct(const long *v, int n)
{
	int d = 0;

	for (int i = 0; i < n; i++) {
		int seen = 0;
		for (int j = 0; j < i; j++)
			seen |= v[j] == v[i];
		d += !seen;
	}
	return d;
}

/* n threads, `batch` at a time; how many distinct box identities
   they had, and whether every call was right */
static int short_threads(int n, int batch, int *all_ok)
{
	long out[100][3], self[100];
	pthread_t th[100];

	*all_ok = 1;
	for (int i = 0; i < n; i += batch) {
		for (int k = i; k < i + batch && k < n; k++)
			if (pthread_create(&th[k], NULL, short_lived, out[k]))
				*all_ok = 0, out[k][2] = 0;
		for (int k = i; k < i + batch && k < n; k++)
			pthread_join(th[k], NULL);
	}
	for (int i = 0; i < n; i++) {
		self[i] = out[i][1];
		*all_ok &= out[i][2] == 1 && out[i][0] >= 2 && out[i][0] <= batch + 1;
	}
	return distinct(self, n);
}

/* 8 threads whose first calls into the library (with -lazy, the very
   first: the box is made then) come at once */
static pthread_barrier_t start_line;

static void *first_at_once(void *arg)
{
	long id = (long)arg, bad = 0;

	pthread_barrier_wait(&start_line);
	bad += thread_enter() < 1;
	for (long i = 0; i < 1000; i++)
		bad += mix(i, id) != host_mix(i, id);
	return (void *)bad;
}

static void first_calls(void)
{
	pthread_t th[8];
	long bad = 0;

	pthread_barrier_init(&start_line, NULL, 8);
	for (long k = 0; k < 8; k++)
		if (pthread_create(&th[k], NULL, first_at_once, (void *)k))
			bad++;
	for (int k = 0; k < 8; k++) {
		void *r;
		pthread_join(th[k], &r);
		bad += (long)r;
	}
	check("first-calls/8-at-once-right", bad == 0, "%ld wrong", bad);
	check("first-calls/all-ended-in-box", threads_live() == 0, "live %ld", threads_live());
	check("first-calls/main-after", mix(5, 6) == host_mix(5, 6), NULL);
}

/* The box API before any export (with -lazy, the box is made then). */
static void api_first(void)
{
	char *p = calls_box_strdup("abc"), *q;

	check("api-first/strdup", p && calls_box_contains(p, 4) && !strcmp(p, "abc"),
	      "%p", (void *)p);
	q = calls_box_malloc(100);
	check("api-first/malloc", q && calls_box_contains(q, 100) && q != p, "%p", (void *)q);
	check("api-first/export-reads-it", p && str_len(p) == 3, NULL);
	calls_box_free(p);
	calls_box_free(q);
}

/* A host function the library's threads call. */
static long squared(long k)
{
	return k * k;
}

/* ... and one that calls back into the box from such a thread */
static long mixed(long k)
{
	return mix(k, k) == host_mix(k, k) ? k : -100;
}

static void threads(void)
{
	pthread_t th[8];
	long bad = 0, live0, live1, r;
	int ok, d;

	/* the main thread is box thread 1 of the count */
	live0 = thread_enter();
	check("threads/main-counted", live0 == 1, "live %ld", live0);
	for (long k = 0; k < 8; k++)
		if (pthread_create(&th[k], NULL, million, (void *)k))
			bad += CALLS_PER_THREAD;
	for (int k = 0; k < 8; k++) {
		void *r;
		pthread_join(th[k], &r);
		bad += (long)r;
	}
	check("threads/8x1M-calls-right", bad == 0, "%ld wrong results", bad);
	live1 = threads_live();
	check("threads/8-ended-in-box", live1 == live0, "live %ld after 8 threads ended", live1);

	d = short_threads(100, 1, &ok);
	check("threads/100-short-lived-right", ok, NULL);
	/* one after the other: each reuses the stack the last one gave back */
	check("threads/100-short-lived-stack-reused", d <= 2, "%d distinct box threads", d);
	live1 = threads_live();
	check("threads/100-short-lived-ended-in-box", live1 == live0,
	      "live %ld, was %ld", live1, live0);

	d = short_threads(100, 4, &ok);
	check("threads/100-in-4s-right", ok, NULL);
	check("threads/100-in-4s-stacks-reused", d <= 8, "%d distinct box threads", d);
	live1 = threads_live();
	check("threads/100-in-4s-ended-in-box", live1 == live0, "live %ld, was %ld",
	      live1, live0);

	/* the library's own threads */
	check("threads/library-threads", par_sum(4, 100000) == 100000L * 100001 / 2,
	      NULL);
	check("threads/library-threads-16", par_sum(16, 1000) == 1000L * 1001 / 2, NULL);
	check("threads/main-still-right", mix(5, 6) == host_mix(5, 6), NULL);

	/* the library's threads call host functions */
	about_to("threads/library-threads-call-host");
	r = par_cb(4, (long (*)(long))calls_box_register_cb((void *)squared));
	check("threads/library-threads-call-host", r == 1 + 4 + 9 + 16, "%ld", r);
	about_to("threads/library-threads-call-host-calls-box");
	r = par_cb(4, (long (*)(long))calls_box_register_cb((void *)mixed));
	check("threads/library-threads-call-host-calls-box", r == 1 + 2 + 3 + 4, "%ld", r);
	check("threads/main-after-library-callbacks", mix(5, 7) == host_mix(5, 7), NULL);
}

/* ---- callbacks ---- */

static int cmp_calls;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	cmp_calls++;
	return (x > y) - (x < y);
}

/* fib through the boundary, its depth of nested box calls recorded:
   host_fib passes its callback as a pointer (fib_cb), host_fib_l as an
   integer (fib_l) */
static void *fib_in_box, *fib_l_in_box;
static int depth, max_depth;

static long host_fib(long n)
{
	long r;

	if (++depth > max_depth)
		max_depth = depth;
	r = fib_cb(n, (long (*)(long))fib_in_box);
	depth--;
	return r;
}

static long host_fib_l(long n)
{
	long r;

	if (++depth > max_depth)
		max_depth = depth;
	r = fib_l(n, (long)fib_l_in_box);
	depth--;
	return r;
}

/* what the callback got, in the order it got it */
static long many_l[10];
static double many_d[10];

static double many_cb(long a1, double d1, long a2, double d2, long a3, double d3,
		      long a4, double d4, long a5, double d5, long a6, double d6,
		      long a7, double d7, long a8, double d8, long a9, double d9,
		      long a10, double d10)
{
	long l[10] = { a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 };
	double d[10] = { d1, d2, d3, d4, d5, d6, d7, d8, d9, d10 };

	memcpy(many_l, l, sizeof l);
	memcpy(many_d, d, sizeof d);
	return a1 * d1 + a10 * d10 + d9;
}

static float float_cb(float x, int k, float y)
{
	return x * k + y;
}

static long plus_one(long x)
{
	return x + 1;
}

static long times_two(long x)
{
	return x * 2;
}

/* A nested call that fails: the outer call goes on. */
static long nested_crash(long x)
{
	return crash(x) == -1 ? 100 + x : 0;
}

static void callbacks(void)
{
	enum { N = 1000 };
	int *v = calls_box_malloc(N * sizeof *v), sorted = 1, lines;
	void *cmp = calls_box_register_cb((void *)cmp_int), *p1, *p2, *p3;
	long r, n_ok = 1;
	double d;

	/* qsort in the box, the comparator on the host, the array in the box */
	for (int i = 0; v && i < N; i++)
		v[i] = (int)(host_mix(i, 1) % 100000);
	if (v && cmp)
		sort_ints(v, N, (int (*)(const void *, const void *))cmp);
	for (int i = 1; v && i < N; i++)
		sorted &= v[i - 1] <= v[i];
	check("callbacks/qsort-host-comparator", v && cmp && sorted && cmp_calls >= N - 1,
	      "v %p cmp %p sorted %d calls %d", (void *)v, cmp, sorted, cmp_calls);

	/* many arguments, doubles and stack arguments both ways */
	p1 = calls_box_register_cb((void *)many_cb);
	d = p1 ? relay_many((many_fn *)p1, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5,
			    6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5) : 0;
	for (int i = 0; i < 9; i++)
		n_ok &= many_l[i] == 9 - i && many_d[i] == 9 - i + 0.5;
	n_ok &= many_l[9] == 1000 && many_d[9] == 0.5;
	check("callbacks/many-arguments-in", n_ok,
	      "got %ld %g ... %ld %g, %ld %g", many_l[0], many_d[0], many_l[8],
	      many_d[8], many_l[9], many_d[9]);
	check("callbacks/double-result", d == 2 * (9 * 9.5 + 1000 * 0.5 + 1.5),
	      "%g", d);
	p2 = calls_box_register_cb((void *)float_cb);
	check("callbacks/float-arguments-and-result",
	      p2 && relay_float((float (*)(float, int, float))p2, 1.25f, 3) ==
	      1.25f * 3 + 2.5f + 1.0f, NULL);

	/* the same function twice: the same address */
	p1 = calls_box_register_cb((void *)plus_one);
	p2 = calls_box_register_cb((void *)plus_one);
	p3 = calls_box_register_cb((void *)times_two);
	check("callbacks/register-twice-same-address", p1 && p1 == p2 && p3 && p3 != p1,
	      "%p %p %p", p1, p2, p3);
	check("callbacks/registered-is-in-box", calls_box_contains(p1, 1), NULL);
	check("callbacks/call-registered", call_cb((long (*)(long))p1, 41) == 42 &&
	      call_cb((long (*)(long))p3, 21) == 42, NULL);
	check("callbacks/addr-of-callback", calls_box_addr((void *)plus_one) == p1, NULL);

	/* unregistered: the box's call gets -1, one line */
	check("callbacks/unregister", calls_box_unregister_cb((void *)plus_one) == 0, NULL);
	err_begin();
	r = call_cb((long (*)(long))p1, 41);
	lines = err_end();
	check("callbacks/call-unregistered", r == -1 && one_line(lines, "not registered"),
	      "%ld, %d lines: %s", r, lines, err_text);
	check("callbacks/unregister-twice", calls_box_unregister_cb((void *)plus_one) == -1,
	      NULL);
	check("callbacks/addr-of-unregistered", calls_box_addr((void *)plus_one) == NULL,
	      NULL);
	p2 = calls_box_register_cb((void *)plus_one);
	check("callbacks/register-again", p2 && call_cb((long (*)(long))p2, 1) == 2, NULL);

	/* the box address of an export: the library's own function */
	p1 = calls_box_addr((void *)mix);
	check("callbacks/addr-of-export", p1 && calls_box_contains(p1, 1) && is_mix(p1) == 1 &&
	      is_mix(calls_box_addr((void *)crash)) == 0, "%p", p1);
	check("callbacks/addr-of-other", calls_box_addr((void *)host_mix) == NULL &&
	      calls_box_addr(NULL) == NULL, NULL);
	/* and the box can call it through a pointer: the box's mix */
	check("callbacks/box-calls-export-address",
	      p1 && call_cb((long (*)(long))calls_box_addr((void *)counter_next), 0) == 1,
	      NULL);

	/* a failing nested call: one line, the outer call goes on */
	p1 = calls_box_register_cb((void *)nested_crash);
	err_begin();
	r = call_cb((long (*)(long))p1, 5);
	lines = err_end();
	check("callbacks/nested-fault-contained", r == 105 && one_line(lines, "SEGV"),
	      "%ld, %d lines: %s", r, lines, err_text);
	check("callbacks/after-nested-fault", mix(3, 4) == host_mix(3, 4) &&
	      call_cb((long (*)(long))p3, 4) == 8, NULL);
	calls_box_free(v);
}

static void *down_in_box;

static long host_down(long n)
{
	return down(n, (long)down_in_box);
}

/* exports with stack arguments, doubles and a memory result, called
   from a callback (the nested path) */
static double many_r;
static struct big big_r;

static long nested_frames(long x)
{
	many_r = sum_many(1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5,
			  x, 9.5);
	big_r = make_big(1, 2, 3, 4, 5, 6, x);
	return 1;
}

static double sum_many_ref(void)
{
	return 1 + 2 * 1.5 + 3 * 2 + 4 * 2.5 + 5 * 3 + 6 * 3.5 + 7 * 4 + 8 * 4.5 +
	       9 * 5 + 10 * 5.5 + 11 * 6 + 12 * 6.5 + 13 * 7 + 14 * 7.5 +
	       15 * 8 + 16 * 8.5 + 17 * 9 + 18 * 9.5;
}

/* host -> box -> host -> box ..., 14 levels deep */
static void nested(void)
{
	long r;
	int lines;
	struct big b;

	fib_l_in_box = calls_box_register_cb((void *)host_fib_l);
	r = fib_l_in_box ? fib_l(15, (long)fib_l_in_box) : -1;
	check("nested/fib-through-the-boundary", r == 610 && max_depth == 14,
	      "fib(15) = %ld, depth %d", r, max_depth);
	check("nested/after-nesting", mix(1, 2) == host_mix(1, 2), NULL);
	/* stack arguments, doubles, a memory result on the nested path */
	r = call_cb((long (*)(long))calls_box_register_cb((void *)nested_frames), 9);
	b = big_r;
	check("nested/stack-arguments-and-doubles", r == 1 && many_r == sum_many_ref(),
	      "%g, want %g", many_r, sum_many_ref());
	check("nested/memory-result", b.v[0] == 10 && b.v[1] == 4 && b.v[2] == 9 &&
	      b.v[3] == -1 && b.v[4] == 6, "%ld %ld %ld %ld %ld", b.v[0], b.v[1],
	      b.v[2], b.v[3], b.v[4]);
	check("nested/fast-path-same", sum_many(1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6,
					       6.5, 7, 7.5, 8, 8.5, 9, 9.5) ==
	      sum_many_ref() && make_big(1, 2, 3, 4, 5, 6, 9).v[0] == 10, NULL);

	/* 1000 levels; then so many that the call stack runs out: the
	   innermost call is refused (one line), the others return */
	down_in_box = calls_box_register_cb((void *)host_down);
	r = down(1000, (long)down_in_box);
	check("nested/1000-levels", r == 1000, "%ld", r);
	err_begin();
	r = down(100000, (long)down_in_box);
	lines = err_end();
	check("nested/too-deep-refused", r < 100000 && one_line(lines, "refused"),
	      "%ld, %d lines: %s", r, lines, err_text);
	check("nested/after-too-deep", down(10, (long)down_in_box) == 10 &&
	      mix(1, 2) == host_mix(1, 2), NULL);

	/* the same with a pointer parameter: the nested path checks it */
	max_depth = 0;
	fib_in_box = calls_box_register_cb((void *)host_fib);
	about_to("nested/fib-pointer-parameter");
	r = fib_in_box ? fib_cb(15, (long (*)(long))fib_in_box) : -1;
	check("nested/fib-pointer-parameter", r == 610 && max_depth == 14,
	      "fib(15) = %ld, depth %d", r, max_depth);
	check("nested/after-nesting-pointer", mix(1, 2) == host_mix(1, 2), NULL);
}

/* ---- pointers ---- */

/* a call that fails for its host pointer: -1 (or NULL), one line naming
   the function */
#define REFUSED(name, fn, call, failed)                                      \
	do {                                                                 \
		int lines_;                                                  \
		err_begin();                                                 \
		int ok_ = (call) == (failed);                                \
		lines_ = err_end();                                          \
		check(name, ok_ && one_line(lines_, fn ": pointer argument"), \
		      "ok %d, %d lines: %s", ok_, lines_, err_text);         \
	} while (0)

static int forced(const void *p, uintptr_t low)
{
	return calls_box_contains(p, 1) && ((uintptr_t)p & 0xffffffff) == low;
}

static void pointers(void)
{
	char stack_buf[] = "host stack", *heap = strdup("host heap");
	char *in_box = calls_box_strdup("in the box"), *r;
	char **out = calls_box_malloc(sizeof *out);
	int n;

	check("pointers/box-pointer-passes", in_box && str_len(in_box) == 10, NULL);
	check("pointers/null-passes", str_len(NULL) == -2, NULL);
	REFUSED("pointers/host-stack-refused", "str_len", str_len(stack_buf), -1);
	REFUSED("pointers/host-heap-refused", "str_len", str_len(heap), -1);
	/* just outside the box, either side */
	REFUSED("pointers/below-box-refused", "str_len",
		str_len((char *)(((uintptr_t)in_box & ~0xffffffffUL) - 1)), -1);
	REFUSED("pointers/above-box-refused", "str_len",
		str_len((char *)(((uintptr_t)in_box | 0xffffffffUL) + 1)), -1);
	REFUSED("pointers/pointer-result-null", "echo", echo(heap), NULL);
	check("pointers/pointer-result-box", echo(in_box) == in_box, NULL);
	REFUSED("pointers/on-stack-refused", "seventh",
		seventh(1, 2, 3, 4, 5, 6, stack_buf), -1);
	check("pointers/on-stack-box-passes", seventh(1, 2, 3, 4, 5, 6, in_box) == 31, NULL);
	check("pointers/on-stack-null-passes", seventh(1, 2, 3, 4, 5, 6, NULL) == -2, NULL);
	check("pointers/usable-after-refusals", str_len(in_box) == 10, NULL);

	/* results outside the box are forced in: base | low 32 bits */
	r = bad_ptr(0);
	check("pointers/result-forced-low", forced(r, 0x1234), "%p", (void *)r);
	r = bad_ptr(1);
	check("pointers/result-forced-high-bits", forced(r, 0x5678), "%p", (void *)r);
	check("pointers/result-null-stays-null", bad_ptr(2) == NULL, NULL);
	r = bad_ptr(3);
	check("pointers/result-forced-minus-8", forced(r, 0xfffffff8), "%p", (void *)r);

	/* out-values forced the same way */
	n = out ? get(out, 1) : -1;
	check("pointers/out-value-forced", n == 7 && forced(*out, 0x1234), "%d %p", n,
	      out ? (void *)*out : NULL);
	n = out ? get(out, 2) : -1;
	check("pointers/out-value-forced-high-bits", n == 7 && forced(*out, 0x5678), "%d %p",
	      n, out ? (void *)*out : NULL);
	n = out ? get(out, 0) : -1;
	check("pointers/out-value-null-stays-null", n == 7 && *out == NULL, NULL);
	check("pointers/out-null-passes", get(NULL, 1) == -2, NULL);
	{
		char *host_out = (char *)0x42;
		REFUSED("pointers/out-host-refused", "get", get(&host_out, 1), -1);
		check("pointers/out-host-untouched", host_out == (char *)0x42, NULL);
	}
	free(heap);
	calls_box_free(in_box);
	calls_box_free(out);
}

/* ---- faults and the end of the box ---- */

static void *fault_thread(void *arg)
{
	long r = crash(1);

	return (void *)(long)(r == -1 && mix(2, 2) == host_mix(2, 2));
}

/* The same on a thread that blocked every signal before its first
   call (a host that handles signals with sigwait): the runtime unblocks
   the fault signals it needs, or the fault would kill the process. */
static void *fault_thread_blocking(void *arg)
{
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	return fault_thread(arg);
}

static void faults(void)
{
	long r;
	char *p;
	void *t_ok = NULL;
	pthread_t th;
	int lines;

	err_begin();
	r = crash(7);
	lines = err_end();
	check("faults/fault-fails-the-call", r == -1 && one_line(lines, "SEGV in the box"),
	      "%ld, %d lines: %s", r, lines, err_text);
	check("faults/next-call-works", mix(7, 8) == host_mix(7, 8), NULL);
	err_begin();
	p = crash_ptr(7);
	lines = err_end();
	check("faults/pointer-result-null", p == NULL && one_line(lines, "SEGV in the box"),
	      "%p, %d lines: %s", (void *)p, lines, err_text);
	err_begin();
	for (int i = 0; i < 50; i++)
		r += crash(i);
	lines = err_end();
	check("faults/50-faults-50-lines", lines == 50, "%d lines", lines);
	check("faults/works-after-50", mix(9, 9) == host_mix(9, 9), NULL);
	err_begin();
	if (pthread_create(&th, NULL, fault_thread, NULL) || pthread_join(th, &t_ok))
		t_ok = NULL;
	lines = err_end();
	check("faults/other-thread-fault", t_ok && lines == 1, "%d lines", lines);
	check("faults/main-after-other-thread-fault", mix(1, 9) == host_mix(1, 9), NULL);
	about_to("faults/fault-on-a-thread-blocking-signals");
	err_begin();
	if (pthread_create(&th, NULL, fault_thread_blocking, NULL) ||
	    pthread_join(th, &t_ok))
		t_ok = NULL;
	lines = err_end();
	check("faults/fault-on-a-thread-blocking-signals", t_ok && lines == 1,
	      "%d lines", lines);
}

static void *late_thread(void *arg)
{
	return (void *)mix(1, 1);
}

/* exit() in the box: that call and every later one fail */
static void ends(void)
{
	char *in_box = calls_box_strdup("x"), *p;
	void *cb = calls_box_register_cb((void *)plus_one), *t_r = NULL;
	long r;
	pthread_t th;
	int lines, all = 1;

	err_begin();
	r = do_exit(3);
	lines = err_end();
	check("exit/the-call-fails", r == -1 && one_line(lines, "ended"),
	      "%ld, %d lines: %s", r, lines, err_text);
	err_begin();
	for (int i = 0; i < 10; i++) {
		all &= mix(i, i) == -1;
		all &= bad_ptr(0) == NULL && echo(in_box) == NULL;
		all &= str_len(in_box) == -1 && call_cb((long (*)(long))cb, 1) == -1;
	}
	lines = err_end();
	check("exit/every-later-call-fails", all, NULL);
	check("exit/later-calls-print-nothing", lines == 0, "%d lines: %s", lines, err_text);
	/* the box API: nothing runs in the ended box (a realloc that ran
	   there would free in_box, and the free below would free it twice:
	   a fault line) */
	err_begin();
	p = calls_box_malloc(10);
	all = p == NULL && calls_box_strdup("y") == NULL && calls_box_calloc(1, 1) == NULL &&
	      calls_box_memdup("z", 1) == NULL;
	p = calls_box_realloc(in_box, 100000);
	calls_box_free(in_box);
	lines = err_end();
	check("exit/box-api-fails", all && p == NULL, NULL);
	check("exit/box-api-runs-nothing", lines == 0, "%d lines: %s", lines, err_text);
	/* a thread that never called before */
	err_begin();
	if (pthread_create(&th, NULL, late_thread, NULL) || pthread_join(th, &t_r))
		t_r = NULL;
	lines = err_end();
	check("exit/new-thread-fails", (long)t_r == -1 && lines <= 1, "%ld, %d lines: %s",
	      (long)t_r, lines, err_text);
}

/* exit() in a call nested in a callback: the outer call is in the
   ended box too, and fails */
static long exit_inside(long x)
{
	long r = do_exit(5);

	return r == -1 ? 77 : 78;	/* back into the ended box */
}

static void exit_nested(void)
{
	long r;
	int lines;

	err_begin();
	r = call_cb((long (*)(long))calls_box_register_cb((void *)exit_inside), 1);
	lines = err_end();
	check("exit-nested/outer-call-fails", r == -1, "%ld", r);
	check("exit-nested/one-line", one_line(lines, "ended"), "%d lines: %s", lines,
	      err_text);
	check("exit-nested/later-calls-fail", mix(1, 1) == -1 && bad_ptr(0) == NULL, NULL);
}

/* ... and in a library thread while this thread is in a callback's
   host code: its call fails when the callback returns */
static long wait_in_callback(long x)
{
	struct timespec ts = { 0, 300 * 1000000L };

	exit_in_thread(3, 1);	/* 50 ms later */
	nanosleep(&ts, NULL);
	return 77;
}

static void exit_in_callback(void)
{
	long r;
	int lines;

	check_group = "exit-in-callback/";
	err_begin();
	r = call_cb((long (*)(long))calls_box_register_cb((void *)wait_in_callback), 1);
	lines = err_end();
	check("outer-call-fails", r == -1, "%ld", r);
	check("one-line", one_line(lines, "ended"), "%d lines: %s", lines, err_text);
	check("later-calls-fail", mix(1, 1) == -1, NULL);
}

/* exit() in a library thread, while this thread's call waits for it
   (thread-exit) or after it returned (thread-exit-later): the call in
   progress fails, and every later one */
static void thread_ends(int later)
{
	char *in_box = calls_box_strdup("x");
	struct timespec ts = { 0, 300 * 1000000L };
	long r;
	int lines, all = 1;

	check_group = later ? "thread-exit-later/" : "thread-exit/";
	err_begin();
	about_to("the-call-fails");
	r = exit_in_thread(3, later);
	if (later)
		nanosleep(&ts, NULL);
	for (int i = 0; i < 10; i++)
		all &= mix(i, i) == -1 && bad_ptr(0) == NULL && str_len(in_box) == -1;
	all &= calls_box_strdup("y") == NULL;
	lines = err_end();
	if (!later)
		check("the-call-fails", r == -1, "%ld", r);
	check("every-later-call-fails", all, NULL);
	check("one-line", one_line(lines, "ended"), "%d lines: %s", lines, err_text);
}

/* ---- longjmp across the boundary ---- */

static jmp_buf host_jb;

static long jumper(long x)
{
	longjmp(host_jb, (int)x);
}

/* a callback longjmps out of call_cb: 1 when it came back through the
   jump */
static int jump_out(void *cb)
{
	if (setjmp(host_jb))
		return 1;
	call_cb((long (*)(long))cb, 1);
	return 0;
}

/* The same from `levels` frames deeper (1 KiB each) than the setjmp:
   the calls after the jump are made from frames above the dead one. */
static long __attribute__((noinline)) deep_call(void *cb, int levels)
{
	volatile char pad[1024];

	pad[0] = (char)levels;
	if (levels)
		return deep_call(cb, levels - 1) + pad[0];
	return call_cb((long (*)(long))cb, 1);
}

static int deep_jump_out(void *cb)
{
	if (setjmp(host_jb))
		return 1;
	deep_call(cb, 8);
	return 0;
}

/* An export called from frames deeper than the dead one, frames that
   use their memory (the dead callback's marker word is overwritten:
   sobox/README.md says what goes unseen when it is not). */
static long __attribute__((noinline)) deep_mix(int levels)
{
	volatile char pad[1024];

	for (size_t i = 0; i < sizeof pad; i++)
		pad[i] = 0;
	if (levels)
		return deep_mix(levels - 1) + pad[0];
	return mix(1, 7);
}

/* A thread that jumps out of a callback and ends without another call. */
static void *jump_and_end(void *cb)
{
	return (void *)(long)jump_out(cb);
}

static void *first_call(void *arg)
{
	long *lines = arg;

	err_begin();
	arg = (void *)(long)(mix(4, 5) == host_mix(4, 5));
	*lines = err_end();
	return arg;
}

static long exiter(long x)
{
	pthread_exit((void *)x);
}

static void *call_then_exit(void *arg)
{
	thread_enter();
	call_cb((long (*)(long))calls_box_register_cb((void *)exiter), 42);
	return NULL;
}

static void longjmps(void)
{
	void *cb = calls_box_register_cb((void *)jumper), *r1 = NULL, *r2 = NULL;
	long r, lines2 = -1, live;
	char *p;
	pthread_t th;
	int lines;

	check("longjmp/host-jumped-out", cb && jump_out(cb), NULL);
	err_begin();
	r = mix(1, 2);
	lines = err_end();
	check("longjmp/next-call-refused", r == -1 && one_line(lines, "longjmp"),
	      "%ld, %d lines: %s", r, lines, err_text);
	check("longjmp/the-one-after-works", mix(1, 2) == host_mix(1, 2), NULL);
	check("longjmp/callbacks-after", call_cb((long (*)(long))
	      calls_box_register_cb((void *)plus_one), 1) == 2, NULL);

	/* the same, the first call after it a pointer result */
	check("longjmp/host-jumped-out-again", jump_out(cb), NULL);
	err_begin();
	p = bad_ptr(0);
	lines = err_end();
	check("longjmp/pointer-result-refused", p == NULL && one_line(lines, "longjmp"),
	      "%p, %d lines: %s", (void *)p, lines, err_text);
	check("longjmp/works-again", mix(1, 3) == host_mix(1, 3), NULL);

	/* the same, then a box API call first: refused the same way */
	check("longjmp/host-jumped-out-3", deep_jump_out(cb), NULL);
	err_begin();
	p = calls_box_strdup("after a longjmp");
	lines = err_end();
	check("longjmp/box-api-refused", p == NULL && one_line(lines, "longjmp"),
	      "%p, %d lines: %s", (void *)p, lines, err_text);
	p = calls_box_strdup("after a longjmp");
	check("longjmp/box-api-after", p && str_len(p) == 15, NULL);
	check("longjmp/works-after-box-api", mix(1, 4) == host_mix(1, 4), NULL);

	/* the next call made from deeper frames than the jump left */
	check("longjmp/host-jumped-out-4", jump_out(cb), NULL);
	err_begin();
	r = deep_mix(16);
	lines = err_end();
	check("longjmp/next-call-from-deeper-refused", r == -1 && one_line(lines, "longjmp"),
	      "%ld, %d lines: %s", r, lines, err_text);
	/* (unseen, the jump's words are still there: this call takes them) */
	err_begin();
	mix(1, 7);
	err_end();
	check("longjmp/works-after-deeper", mix(1, 7) == host_mix(1, 7), NULL);

	/* a thread that jumps out and ends: the next thread (glibc gives it
	   the same stack and thread block) knows nothing of it */
	if (pthread_create(&th, NULL, jump_and_end, cb) || pthread_join(th, &r1))
		r1 = NULL;
	if (pthread_create(&th, NULL, first_call, &lines2) || pthread_join(th, &r2))
		r2 = NULL;
	check("longjmp/thread-jumped-and-ended", r1 != NULL, NULL);
	check("longjmp/next-thread-first-call-clean", r2 && lines2 == 0,
	      "right %d, %ld lines: %s", r2 != NULL, lines2, err_text);
	check("longjmp/main-after-threads", mix(1, 5) == host_mix(1, 5), NULL);

	/* pthread_exit in a callback: glibc's unwinder finds no frame
	   information in the trampolines and jumps out to the thread's
	   start, a longjmp out of the box too; the box thread must end
	   with it, and the next thread start clean */
	live = threads_live();
	r1 = r2 = NULL;
	lines2 = -1;
	if (pthread_create(&th, NULL, call_then_exit, NULL) || pthread_join(th, &r1))
		r1 = NULL;
	if (pthread_create(&th, NULL, first_call, &lines2) || pthread_join(th, &r2))
		r2 = NULL;
	check("longjmp/pthread-exit-in-callback", r1 == (void *)42, "%p", r1);
	check("longjmp/pthread-exit-box-thread-ended", threads_live() == live, "live %ld, was %ld",
	      threads_live(), live);
	check("longjmp/next-thread-clean-after-pthread-exit", r2 && lines2 == 0,
	      "right %d, %ld lines: %s", r2 != NULL, lines2, err_text);
	check("longjmp/main-after-pthread-exit", mix(1, 6) == host_mix(1, 6), NULL);
}

/* box_jump longjmps in the box to box_setjmp_call, past the host frames
   of the callback between them */
static long box_jump_result;

static long calls_box_jump(long x)
{
	box_jump_result = box_jump(x);
	return 0;
}

static void boxjmp(void)
{
	void *cb = calls_box_register_cb((void *)calls_box_jump);
	long r;
	int lines;

	err_begin();
	r = box_setjmp_call((long (*)(long))cb);
	lines = err_end();
	check("boxjmp/detected-one-line", (r == -1 || r == 0) && box_jump_result == -1 &&
	      one_line(lines, "another stack"), "%ld, nested %ld, %d lines: %s", r,
	      box_jump_result, lines, err_text);
	check("boxjmp/next-call-works", mix(2, 3) == host_mix(2, 3), NULL);
	check("boxjmp/callbacks-after", call_cb((long (*)(long))
	      calls_box_register_cb((void *)plus_one), 1) == 2, NULL);
}

/* ---- signal handlers calling in ---- */

static volatile long handler_result;
static volatile int handler_done;

static void on_usr1(int sig)
{
	handler_result = mix(6, 7);
	handler_done = 1;
}

static volatile int *spin_flag;
static pthread_t spinner;

/* waits until the main thread is in the box, signals it, waits for
   the handler, lets the box return */
static void *poke(void *arg)
{
	struct timespec ms = { 0, 1000000 };

	while (!spin_flag[1])
		nanosleep(&ms, NULL);
	pthread_kill(spinner, SIGUSR1);
	while (!handler_done)
		nanosleep(&ms, NULL);
	spin_flag[0] = 1;
	return NULL;
}

/* the handler, when the signal arrives in a callback's host code */
static long wait_for_handler(long x)
{
	struct timespec ms = { 0, 1000000 };

	pthread_kill(pthread_self(), SIGUSR1);
	while (!handler_done)
		nanosleep(&ms, NULL);
	return x;
}

static void signals(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	pthread_t th;
	long r;
	int lines;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	/* between calls: the handler's call is an ordinary one */
	raise(SIGUSR1);
	check("signals/handler-call-when-idle", handler_done &&
	      handler_result == host_mix(6, 7), "%ld", handler_result);

	/* the box interrupted: the handler's call is refused */
	handler_done = 0;
	handler_result = 0;
	spin_flag = calls_box_calloc(2, sizeof *spin_flag);
	spinner = pthread_self();
	pthread_create(&th, NULL, poke, NULL);
	err_begin();
	r = spin_flag ? spin_until(spin_flag) : -1;
	lines = err_end();
	pthread_join(th, NULL);
	check("signals/handler-call-in-box-refused", handler_result == -1 &&
	      one_line(lines, "signal handler"), "%ld, %d lines: %s", handler_result,
	      lines, err_text);
	check("signals/interrupted-call-goes-on", r >= 1, "%ld", r);

	/* in a callback's host code: the handler's call nests */
	handler_done = 0;
	handler_result = 0;
	r = call_cb((long (*)(long))calls_box_register_cb((void *)wait_for_handler), 3);
	check("signals/handler-call-in-callback", r == 3 &&
	      handler_result == host_mix(6, 7), "%ld %ld", r, handler_result);
	check("signals/after", mix(1, 1) == host_mix(1, 1), NULL);
}

/* A callback that uses the box API: a string made in the box, handed
   back as an integer. */
static long make_string(long n)
{
	char s[32];

	snprintf(s, sizeof s, "%ld", n);
	return (long)calls_box_strdup(s);
}

/* The box API's memory, and its callback slots running out. */
static void api(void)
{
	char *p = calls_box_calloc(1000, 1), *q, *z;
	int zero = 1, kept = 1, lines;
	void *cb, *r;
	long v;
	static char fake[4097];	/* 4097 distinct "functions" (never called) */

	for (int i = 0; p && i < 1000; i++)
		zero &= p[i] == 0;
	check("api/calloc-zeroed", p && zero, NULL);
	for (int i = 0; p && i < 1000; i++)
		p[i] = (char)i;
	q = calls_box_realloc(p, 100000);
	for (int i = 0; q && i < 1000; i++)
		kept &= q[i] == (char)i;
	check("api/realloc-keeps", q && kept && calls_box_contains(q, 100000), NULL);
	check("api/contains-edges", !calls_box_contains(NULL, 1) &&
	      !calls_box_contains((char *)((uintptr_t)q | 0xffffffffUL), 2) &&
	      calls_box_contains((char *)((uintptr_t)q | 0xffffffffUL), 1) &&
	      !calls_box_contains(fake, 1), NULL);
	z = calls_box_memdup("", 0);
	check("api/memdup-0", z != NULL, NULL);
	check("api/strdup", (p = calls_box_strdup("hello")) && str_len(p) == 5, NULL);
	check("api/realloc-null-is-malloc", (r = calls_box_realloc(NULL, 10)) != NULL, NULL);
	calls_box_free(r);
	calls_box_free(q);
	calls_box_free(z);
	calls_box_free(p);
	calls_box_free(NULL);

	/* the box API from a callback */
	cb = calls_box_register_cb((void *)make_string);
	v = call_cb((long (*)(long))cb, 12345);
	check("api/from-a-callback", v && calls_box_contains((void *)v, 6) &&
	      !strcmp((char *)v, "12345") && str_len((char *)v) == 5, NULL);

	check("api/register-null", calls_box_register_cb(NULL) == NULL, NULL);
	/* the slots: 4096 in all, one taken already */
	int n = 0;
	err_begin();
	for (int i = 0; i < 4097; i++)
		n += calls_box_register_cb(fake + i) != NULL;
	lines = err_end();
	/* 4095 in, 2 refused: a line each */
	check("api/slots-run-out", n == 4096 - 1 && lines == 2 &&
	      strstr(err_text, "no callback slot left"), "%d registered, %d lines", n, lines);
	err_begin();
	r = calls_box_register_cb((void *)plus_one);
	lines = err_end();
	check("api/no-slot-left", r == NULL && one_line(lines, "no callback slot left"),
	      "%p, %d lines: %s", r, lines, err_text);
	check("api/registered-still-work", call_cb((long (*)(long))cb, 7) &&
	      calls_box_addr((void *)make_string) == cb, NULL);
	check("api/unregister-frees-a-slot", calls_box_unregister_cb(fake + 5) == 0 &&
	      (r = calls_box_register_cb((void *)plus_one)) &&
	      call_cb((long (*)(long))r, 1) == 2, NULL);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "threads"))
		threads();
	else if (!strcmp(mode, "signals"))
		signals();
	else if (!strcmp(mode, "api"))
		api();
	else if (!strcmp(mode, "api-first"))
		api_first();
	else if (!strcmp(mode, "first-calls"))
		first_calls();
	else if (!strcmp(mode, "callbacks"))
		callbacks();
	else if (!strcmp(mode, "pointers"))
		pointers();
	else if (!strcmp(mode, "faults"))
		faults();
	else if (!strcmp(mode, "exit"))
		ends();
	else if (!strcmp(mode, "exit-in-callback"))
		exit_in_callback();
	else if (!strcmp(mode, "exit-nested"))
		exit_nested();
	else if (!strcmp(mode, "thread-exit"))
		thread_ends(0);
	else if (!strcmp(mode, "thread-exit-later"))
		thread_ends(1);
	else if (!strcmp(mode, "longjmp"))
		longjmps();
	else if (!strcmp(mode, "boxjmp"))
		boxjmp();
	else if (!strcmp(mode, "nested"))
		nested();
	else
		return fprintf(stderr, "usage: host threads|...\n"), 2;
	return 0;
}
