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
#include "timing.h"
#include "signals.h"

/* as sobox-bench: many short runs, fewer of them hit by preemption */
#define CALLS 100000
#define RUNS 101

__attribute__((noinline)) static int native_add(int a, int b)
{
	__asm__ volatile("");
	return a + b;
}

/* One run: ns per call returned, TSC cycles per call in *cyc. */
static double native_run(double *cyc)
{
	int (*volatile fn)(int, int) = native_add;
	long acc = 0;
	uint64_t t0 = now_ns(), c0 = tsc_begin();
	for (int i = 0; i < CALLS; i++)
		acc += fn(i, 1);
	uint64_t c1 = tsc_end(), t1 = now_ns();
	if (acc == 42)
		puts("");
	*cyc = (double)(c1 - c0) / CALLS;
	return (double)(t1 - t0) / CALLS;
}

static double box_run(struct lfi_thread *t, struct lfi_call *c, double *cyc)
{
	long acc = 0;
	uint64_t t0 = now_ns(), c0 = tsc_begin();
	for (int i = 0; i < CALLS; i++) {
		c->args[0] = i;
		acc += lfi_thread_call(t, c);
	}
	uint64_t c1 = tsc_end(), t1 = now_ns();
	if (acc == 42)
		puts("");
	*cyc = (double)(c1 - c0) / CALLS;
	return (double)(t1 - t0) / CALLS;
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
	double n = median(nat, RUNS), bx = median(box, RUNS);
	if (!row)
		printf("median of %d runs of %d calls, native and box interleaved\n\n"
		       "%-26s %8s %7s %8s %7s %8s %7s\n%-26s %8s %7s %8s %7s %8s %7s\n",
		       RUNS, CALLS, "", "native", "", "box", "", "box/", "extra",
		       "call", "cyc", "ns", "cyc", "ns", "native", "ns");
	printf("%-26s %8.1f %7.2f %8.1f %7.2f %7.1fx %7.2f\n",
	       "add, lfi_thread_call (C)", median(natc, RUNS), n, median(boxc, RUNS), bx,
	       bx / n, bx - n);
	lfi_thread_free(t);
	lfi_box_free(b);
	return 0;
}
