/*
 * sobox-bench: the cost of a call into a .box.so against the same call
 * into the same library built natively, in one process.
 *
 *   sobox-bench [-runs N] [-calls N] [-quick] [-only FUNCTION]
 *               NATIVE.so BOXED.so PREFIX
 *
 * NATIVE.so is bench/sobox-lib.c built by the host gcc, BOXED.so the
 * same source built by the LFI driver and boxed by sobox with box API
 * prefix PREFIX (PREFIX_box_register_cb registers the callback). Both are
 * dlopen'ed and called through the function pointers dlsym gives, so the
 * two sides make the same kind of shared-library call and differ only in
 * what is behind the pointer.
 *
 * For each function: RUNS runs of CALLS calls (101 of 100,000; -quick:
 * 31), native and boxed runs interleaved (so noise hits both), each run
 * timed by serialized TSC reads and by CLOCK_MONOTONIC; the medians are
 * printed. TSC cycles count at the TSC's fixed rate, not the core clock.
 * No thresholds: the numbers are for reading.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timing.h"

struct s32 {
	long a, b, c, d;
};

typedef int add_fn(int, int);
typedef long many_fn(long, long, long, long, long, long, long, long,
		     double, double, double, double, double, double, double,
		     double, double, double);
typedef struct s32 mk_fn(long);
typedef int call_cb_fn(int (*)(int), int);

/* the host function the library calls back */
static int host_cb(int x)
{
	return x + 1;
}

/* One side of one case: its function pointer and, for call_cb, the
   callback pointer that side passes (the host function natively, its
   box address when boxed). */
struct side {
	void *fn;
	int (*cb)(int);
};

static volatile long sink;	/* results go here: no call is dead code */

/* The loops: one per signature; the results are summed so the calls
   stay, and the loop around them is the same on both sides. */
static void loop_add(const struct side *s, long n)
{
	add_fn *f = (add_fn *)s->fn;
	int acc = 0;

	for (long i = 0; i < n; i++)
		acc += f((int)i, 1);
	sink = acc;
}

static void loop_many(const struct side *s, long n)
{
	many_fn *f = (many_fn *)s->fn;
	long acc = 0;

	for (long i = 0; i < n; i++)
		acc += f(i, 2, 3, 4, 5, 6, 7, 8, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5,
			 7.5, 8.5, 9.5);
	sink = acc;
}

static void loop_mk(const struct side *s, long n)
{
	mk_fn *f = (mk_fn *)s->fn;
	long acc = 0;

	for (long i = 0; i < n; i++) {
		struct s32 r = f(i);
		acc += r.a + r.d;
	}
	sink = acc;
}

static void loop_cb(const struct side *s, long n)
{
	call_cb_fn *f = (call_cb_fn *)s->fn;
	int acc = 0;

	for (long i = 0; i < n; i++)
		acc += f(s->cb, (int)i);
	sink = acc;
}

/* Each case's expected result for one argument, checked once per side
   before timing: a box that fails every call (-1) must not look fast. */
static int check(int k, const struct side *s)
{
	switch (k) {
	case 0:
		return ((add_fn *)s->fn)(40, 2) == 42;
	case 1:
		return ((many_fn *)s->fn)(1, 2, 3, 4, 5, 6, 7, 8, 0.5, 1.5, 2.5,
					  3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5) == 36 + 50;
	case 2: {
		struct s32 r = ((mk_fn *)s->fn)(10);
		return r.a == 10 && r.b == 11 && r.c == 12 && r.d == 13;
	}
	default:
		return ((call_cb_fn *)s->fn)(s->cb, 40) == 42;
	}
}

static const struct {
	const char *sym, *what;
	void (*loop)(const struct side *, long);
} cases[] = {
	{ "add", "int add(int, int)", loop_add },
	{ "many", "8 long + 10 double args", loop_many },
	{ "mk", "32-byte struct result", loop_mk },
	{ "call_cb", "one callback (call_cb)", loop_cb },
};
#define NCASES (sizeof cases / sizeof *cases)

static void *open_lib(const char *path)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		fprintf(stderr, "sobox-bench: %s\n", dlerror());
		exit(1);
	}
	return h;
}

static void *sym(void *h, const char *path, const char *name)
{
	void *p = dlsym(h, name);

	if (!p) {
		fprintf(stderr, "sobox-bench: %s: no symbol %s\n", path, name);
		exit(1);
	}
	return p;
}

static void usage(void)
{
	fprintf(stderr, "usage: sobox-bench [-runs N] [-calls N] [-quick] [-only FUNCTION] "
			"NATIVE.so BOXED.so PREFIX\n");
	exit(2);
}

int main(int argc, char **argv)
{
	/* many short runs: on this shared 2-vCPU machine a run is often
	   preempted for a few ms, and the shorter the runs, the fewer of them
	   are hit, so the median stays the undisturbed cost */
	int runs = 101, quick = 0, i = 1;
	const char *only = NULL;	/* one function's name: only that case */
	long calls = 100000;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-runs") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-calls") && i + 1 < argc)
			calls = atol(argv[++i]);
		else if (!strcmp(argv[i], "-quick"))	/* for make demo */
			quick = 1;
		else if (!strcmp(argv[i], "-only") && i + 1 < argc)
			only = argv[++i];
		else
			usage();
	}
	if (argc - i != 3 || runs < 1 || calls < 1)
		usage();
	if (quick)
		runs = 31;
	const char *npath = argv[i], *bpath = argv[i + 1], *prefix = argv[i + 2];
	void *nh = open_lib(npath), *bh = open_lib(bpath);
	char name[256];

	snprintf(name, sizeof name, "%s_box_register_cb", prefix);
	void *(*register_cb)(void *) = (void *(*)(void *))sym(bh, bpath, name);
	int (*box_cb)(int) = (int (*)(int))register_cb((void *)host_cb);
	if (!box_cb) {
		fprintf(stderr, "sobox-bench: %s failed\n", name);
		return 1;
	}

	struct side side[NCASES][2];	/* [case][0 native, 1 boxed] */
	for (unsigned k = 0; k < NCASES; k++) {
		side[k][0] = (struct side){ sym(nh, npath, cases[k].sym), host_cb };
		side[k][1] = (struct side){ sym(bh, bpath, cases[k].sym), box_cb };
		for (int b = 0; b < 2; b++)	/* also the thread's first call */
			if (!check(k, &side[k][b])) {
				fprintf(stderr, "sobox-bench: %s: %s gives a wrong result\n",
					b ? bpath : npath, cases[k].sym);
				return 1;
			}
	}

	/* [case][side] per run: TSC cycles and ns per call */
	double *cyc[NCASES][2], *ns[NCASES][2];
	for (unsigned k = 0; k < NCASES; k++)
		for (int b = 0; b < 2; b++)
			if (!(cyc[k][b] = calloc(runs, sizeof(double))) ||
			    !(ns[k][b] = calloc(runs, sizeof(double))))
				return 1;
	for (int r = 0; r < runs; r++)
		for (unsigned k = 0; k < NCASES; k++)
			for (int b = 0; b < 2 && (!only || !strcmp(only, cases[k].sym)); b++) {
				uint64_t t0 = now_ns(), c0 = tsc_begin();
				cases[k].loop(&side[k][b], calls);
				uint64_t c1 = tsc_end(), t1 = now_ns();
				cyc[k][b][r] = (double)(c1 - c0) / calls;
				ns[k][b][r] = (double)(t1 - t0) / calls;
			}

	double all_cyc = 0, all_ns = 0;	/* the TSC's rate, for the reader */
	for (unsigned k = 0; k < NCASES; k++)
		for (int b = 0; b < 2; b++)
			for (int r = 0; r < runs; r++) {
				all_cyc += cyc[k][b][r];
				all_ns += ns[k][b][r];
			}
	printf("median of %d runs of %ld calls, native and boxed interleaved;\n"
	       "cyc = TSC cycles per call (serialized rdtsc, TSC at %.2f GHz),\n"
	       "ns = clock_gettime; extra = boxed ns - native ns\n\n",
	       runs, calls, all_cyc / all_ns);
	printf("%-26s %8s %7s %8s %7s %8s %7s\n", "", "native", "", "boxed", "",
	       "boxed/", "extra");
	printf("%-26s %8s %7s %8s %7s %8s %7s\n", "call", "cyc", "ns", "cyc", "ns",
	       "native", "ns");
	double add_extra = -1;	/* add's extra ns, when measured */
	for (unsigned k = 0; k < NCASES; k++) {
		if (only && strcmp(only, cases[k].sym))
			continue;
		double nc = median(cyc[k][0], runs), bc = median(cyc[k][1], runs);
		double nn = median(ns[k][0], runs), bn = median(ns[k][1], runs);
		printf("%-26s %8.1f %7.2f %8.1f %7.2f %7.1fx %7.2f\n", cases[k].what,
		       nc, nn, bc, bn, bn / nn, bn - nn);
		if (!strcmp(cases[k].sym, "add"))
			add_extra = bn - nn;
		else if (!strcmp(cases[k].sym, "call_cb") && add_extra >= 0)
			printf("%-26s %8s %7s %8s %7s %8s %7.2f\n",
			       "  = callback round trip", "", "", "", "", "",
			       bn - nn - add_extra);	/* what add's extra leaves */
	}
	return 0;
}
