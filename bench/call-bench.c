/*
 * call-bench: the cost of calling `int add(int, int)` in a box from the
 * host through lfi_thread_call (runtime/core/call.h, the runtime's
 * generic C path), against a native call of the same function, side by
 * side in one process: median of 101 runs of 100,000 calls each,
 * interleaved. Prints TSC cycles (serialized rdtsc) and ns per call and
 * the ratio, in the columns of sobox-bench (bench/sobox-bench.c); -row
 * prints only the row, for bench/sobox-bench.sh to add to its table. No
 * thresholds (machines are shared and noisy).
 * Usage: call-bench [-row] CALLEE.bin   (tests/runtime/callee.c, LFI-compiled)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "call.h"
#include "signals.h"

/* as sobox-bench: many short runs, fewer of them hit by preemption */
#define CALLS 100000
#define RUNS 101

/* as in sobox-bench.c: lfence;rdtsc;lfence before, rdtscp;lfence after */
static inline uint64_t tsc_begin(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence\n\trdtsc\n\tlfence" : "=a"(lo), "=d"(hi) :: "memory");
	return (uint64_t)hi << 32 | lo;
}

static inline uint64_t tsc_end(void)
{
	uint32_t lo, hi, aux;
	__asm__ volatile("rdtscp\n\tlfence" : "=a"(lo), "=d"(hi), "=c"(aux) :: "memory");
	return (uint64_t)hi << 32 | lo;
}

__attribute__((noinline)) static int native_add(int a, int b)
{
	__asm__ volatile("");
	return a + b;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* One run: ns per call returned, TSC cycles per call in *cyc. */
static double native_run(double *cyc)
{
	int (*volatile fn)(int, int) = native_add;
	long acc = 0;
	double t0 = now();
	uint64_t c0 = tsc_begin();
	for (int i = 0; i < CALLS; i++)
		acc += fn(i, 1);
	uint64_t c1 = tsc_end();
	double t = now() - t0;
	if (acc == 42)
		puts("");
	*cyc = (double)(c1 - c0) / CALLS;
	return t / CALLS * 1e9;
}

static double box_run(struct lfi_thread *t, struct lfi_call *c, double *cyc)
{
	long acc = 0;
	double t0 = now();
	uint64_t c0 = tsc_begin();
	for (int i = 0; i < CALLS; i++) {
		c->args[0] = i;
		acc += lfi_thread_call(t, c);
	}
	uint64_t c1 = tsc_end();
	double dt = now() - t0;
	if (acc == 42)
		puts("");
	*cyc = (double)(c1 - c0) / CALLS;
	return dt / CALLS * 1e9;
}

int main(int argc, char **argv)
{
	uint64_t table[LFI_RUNTIME_CALLS], base, stack;
	static uint8_t code[1 << 20];
	double nat[RUNS], box[RUNS], natc[RUNS], boxc[RUNS];
	struct lfi_box *b;
	struct lfi_thread *t;
	char why[256] = "";
	size_t size;
	FILE *f;
	int err, row = argc == 3 && !strcmp(argv[1], "-row");

	if (argc != 2 + row || !(f = fopen(argv[1 + row], "rb"))) {
		fprintf(stderr, "usage: call-bench [-row] CALLEE.bin\n");
		return 2;
	}
	size = fread(code, 1, sizeof code, f);
	fclose(f);
	/* the runtime's fault handler, as lfi-run and sobox install it: the
	   return address goes on the box stack with a checked copy */
	if (lfi_signals_catch_faults(NULL) < 0)
		return 1;
	lfi_runtime_table(table);
	if (!(b = lfi_box_new(table, &err)))
		return 1;
	base = lfi_box_base(b);
	stack = base + 0x100000;
	if (lfi_box_map_return_stub(b, base + 0x10000, why, sizeof why) ||
	    lfi_box_map_code(b, base + 0x20000, code, size, why, sizeof why) ||
	    lfi_box_map(b, &stack, 0x10000, 3, LFI_MAP_FIXED) ||
	    !(t = lfi_thread_new(b, NULL, NULL))) {
		fprintf(stderr, "call-bench: setup failed: %s\n", why);
		return 1;
	}
	/* add is the first function of callee.c's .text */
	struct lfi_call c = { .fn = base + 0x20000, .args = { 0, 1 },
			      .stack_top = stack + 0x10000, .return_stub = base + 0x10000 };
	for (int r = 0; r < RUNS; r++) {	/* interleaved: same noise for both */
		nat[r] = native_run(&natc[r]);
		box[r] = box_run(t, &c, &boxc[r]);
	}
	qsort(nat, RUNS, sizeof *nat, cmp);
	qsort(box, RUNS, sizeof *box, cmp);
	qsort(natc, RUNS, sizeof *natc, cmp);
	qsort(boxc, RUNS, sizeof *boxc, cmp);
	double n = nat[RUNS / 2], bx = box[RUNS / 2];
	if (!row)
		printf("median of %d runs of %d calls, native and box interleaved\n\n"
		       "%-26s %8s %7s %8s %7s %8s %7s\n%-26s %8s %7s %8s %7s %8s %7s\n",
		       RUNS, CALLS, "", "native", "", "box", "", "box/", "extra",
		       "call", "cyc", "ns", "cyc", "ns", "native", "ns");
	printf("%-26s %8.1f %7.2f %8.1f %7.2f %7.1fx %7.2f\n",
	       "add, lfi_thread_call (C)", natc[RUNS / 2], n, boxc[RUNS / 2], bx,
	       bx / n, bx - n);
	lfi_thread_free(t);
	lfi_box_free(b);
	return 0;
}
