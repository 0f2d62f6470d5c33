/*
 * call-bench: the cost of calling `int add(int, int)` in a box from the
 * host through lfi_thread_call (runtime/core/call.h), against a native
 * call of the same function, side by side in one process: median of 9
 * runs of 1,000,000 calls each. Prints ns per call and the ratio; no
 * thresholds (machines are shared and noisy).
 * Usage: call-bench CALLEE.bin   (tests/runtime/callee.c, LFI-compiled)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "call.h"
#include "signals.h"

#define CALLS 1000000
#define RUNS 9

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

static double native_run(void)
{
	int (*volatile fn)(int, int) = native_add;
	long acc = 0;
	double t0 = now();
	for (int i = 0; i < CALLS; i++)
		acc += fn(i, 1);
	double t = now() - t0;
	if (acc == 42)
		puts("");
	return t / CALLS * 1e9;
}

static double box_run(struct lfi_thread *t, struct lfi_call *c)
{
	long acc = 0;
	double t0 = now();
	for (int i = 0; i < CALLS; i++) {
		c->args[0] = i;
		acc += lfi_thread_call(t, c);
	}
	double dt = now() - t0;
	if (acc == 42)
		puts("");
	return dt / CALLS * 1e9;
}

int main(int argc, char **argv)
{
	uint64_t table[LFI_RUNTIME_CALLS], base, stack;
	static uint8_t code[1 << 20];
	double nat[RUNS], box[RUNS];
	struct lfi_box *b;
	struct lfi_thread *t;
	char why[256] = "";
	size_t size;
	FILE *f;
	int err;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: call-bench CALLEE.bin\n");
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
		nat[r] = native_run();
		box[r] = box_run(t, &c);
	}
	qsort(nat, RUNS, sizeof *nat, cmp);
	qsort(box, RUNS, sizeof *box, cmp);
	printf("native call:               %6.2f ns\n", nat[RUNS / 2]);
	printf("box call (lfi_thread_call): %6.2f ns\n", box[RUNS / 2]);
	printf("ratio (median of %d runs):  %6.1fx\n", RUNS, box[RUNS / 2] / nat[RUNS / 2]);
	lfi_thread_free(t);
	lfi_box_free(b);
	return 0;
}
