/*
 * What a box must not do to the host or to another box, through the
 * transitions (found by review; each was possible before its fix):
 *  - a callback from box A that calls into box B must not leave %gs on
 *    B's base when A resumes (A would read and write B's memory);
 *  - a box that leaves the x87 stack full, or masks x87 exceptions with
 *    fnstenv (no runtime call 32), must not change the host's x87 state;
 *  - the host's vector registers must not reach the box (ASLR leak);
 *  - a SIGSEGV handler the application installs after the runtime's does
 *    not take box faults away from the runtime, and still gets its own.
 * Usage: runtime-isolation ISOLATION.bin (tests/runtime/isolation.s,
 * assembled). One PASS:/FAIL: line per test.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "signals.h"

#define STUB_AT 0x10000
#define CALLBACKS_AT 0x11000
#define CODE_AT 0x20000
#define DATA_AT 0x40000
#define STACK_AT 0x100000
#define STACK_SIZE 0x10000
/* offsets of the functions in isolation.s */
#define CROSS_BOX 0x000
#define SEVEN 0x080
#define X87_FULL 0x100
#define MASKS_X87 0x180
#define VECTORS 0x200
#define FAULTS 0x280
#define VECTORS_AFTER 0x300

struct box {
	struct lfi_box *box;
	struct lfi_thread *t;
	uint64_t base;
};

static void result(const char *name, int ok)
{
	printf("%s: runtime/isolation/%s\n", ok ? "PASS" : "FAIL", name);
}

static int make_box(struct box *b, const uint8_t *code, size_t size, uint32_t marker)
{
	uint64_t table[LFI_RUNTIME_CALLS], a;
	char why[256] = "";
	int err;

	lfi_runtime_table(table);
	if (!(b->box = lfi_box_new(table, &err)))
		return -1;
	b->base = lfi_box_base(b->box);
	a = b->base + STACK_AT;
	if (lfi_box_map_return_stub(b->box, b->base + STUB_AT, why, sizeof why) ||
	    lfi_box_map_callback_stubs(b->box, b->base + CALLBACKS_AT, 1, why, sizeof why) ||
	    lfi_box_map_code(b->box, b->base + CODE_AT, code, size, why, sizeof why) ||
	    lfi_box_map(b->box, &a, STACK_SIZE, 3, LFI_MAP_FIXED)) {
		printf("FAIL: runtime/isolation/setup: %s\n", why);
		return -1;
	}
	a = b->base + DATA_AT;
	if (lfi_box_map(b->box, &a, 4096, 3, LFI_MAP_FIXED))
		return -1;
	((uint32_t *)(uintptr_t)a)[0] = marker;
	b->t = lfi_thread_new(b->box, NULL, NULL);
	return b->t ? 0 : -1;
}

static long call(struct box *b, uint64_t fn, uint64_t arg)
{
	struct lfi_call c = { .fn = b->base + CODE_AT + fn, .args = { arg },
			      .stack_top = b->base + STACK_AT + STACK_SIZE,
			      .return_stub = b->base + STUB_AT };
	return lfi_thread_call(b->t, &c);
}

static struct box *other;

static long into_other_box(long a, long b)
{
	return call(other, SEVEN, 0);
}

static void test_cross_box(struct box *a, struct box *b)
{
	static uint64_t callbacks[1];
	uint32_t *a_word = (uint32_t *)(uintptr_t)(a->base + DATA_AT);
	uint32_t *b_word = (uint32_t *)(uintptr_t)(b->base + DATA_AT);

	other = b;
	callbacks[0] = (uint64_t)(uintptr_t)into_other_box;
	a->t->callbacks = callbacks;
	a->t->ncallbacks = 1;
	long seen = call(a, CROSS_BOX, a->base + CALLBACKS_AT);
	result("gs-restored-after-nested-box", seen == 0xaaaa && a_word[1] == 0x41414141 &&
						 b_word[1] == 0);
}

static void test_x87(struct box *b)
{
	volatile long double x = 1.0L, y;
	unsigned short cw = 0x37e, now;	/* the host unmasks invalid-operation */

	call(b, X87_FULL, 0);
	y = x / 4;
	result("x87-stack-emptied", y == 0.25L);
	__asm__ volatile("fldcw %0" : : "m"(cw));
	call(b, MASKS_X87, 0);
	__asm__ volatile("fnstcw %0" : "=m"(now));
	result("x87-control-word-kept", now == cw);
	cw = 0x37f;
	__asm__ volatile("fldcw %0" : : "m"(cw));
}

static void test_vectors(struct box *b)
{
	/* host values in every vector register, then straight into the box */
	__asm__ volatile("pcmpeqd %%xmm0, %%xmm0\n\t"
			 "movdqa %%xmm0, %%xmm1\n\tmovdqa %%xmm0, %%xmm2\n\t"
			 "movdqa %%xmm0, %%xmm3\n\tmovdqa %%xmm0, %%xmm4\n\t"
			 "movdqa %%xmm0, %%xmm5\n\tmovdqa %%xmm0, %%xmm6\n\t"
			 "movdqa %%xmm0, %%xmm7\n\tmovdqa %%xmm0, %%xmm8\n\t"
			 "movdqa %%xmm0, %%xmm9\n\tmovdqa %%xmm0, %%xmm10\n\t"
			 "movdqa %%xmm0, %%xmm11\n\tmovdqa %%xmm0, %%xmm12\n\t"
			 "movdqa %%xmm0, %%xmm13\n\tmovdqa %%xmm0, %%xmm14\n\t"
			 "movdqa %%xmm0, %%xmm15" ::: "xmm0", "xmm1", "xmm2", "xmm3",
			 "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
			 "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
	result("no-host-vector-registers-in-box", call(b, VECTORS, 0) == 0);
}

/* A host function that leaves its data in every vector register. */
static long dirty_vectors(long a, long b)
{
	__asm__ volatile("pcmpeqd %%xmm2, %%xmm2\n\t"
			 "movdqa %%xmm2, %%xmm3\n\tmovdqa %%xmm2, %%xmm4\n\t"
			 "movdqa %%xmm2, %%xmm5\n\tmovdqa %%xmm2, %%xmm6\n\t"
			 "movdqa %%xmm2, %%xmm7\n\tmovdqa %%xmm2, %%xmm8\n\t"
			 "movdqa %%xmm2, %%xmm9\n\tmovdqa %%xmm2, %%xmm10\n\t"
			 "movdqa %%xmm2, %%xmm11\n\tmovdqa %%xmm2, %%xmm12\n\t"
			 "movdqa %%xmm2, %%xmm13\n\tmovdqa %%xmm2, %%xmm14\n\t"
			 "movdqa %%xmm2, %%xmm15" ::: "xmm2", "xmm3", "xmm4", "xmm5",
			 "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
			 "xmm13", "xmm14", "xmm15");
	return 0;
}

static void test_vectors_after_callback(struct box *b)
{
	static uint64_t callbacks[1];

	callbacks[0] = (uint64_t)(uintptr_t)dirty_vectors;
	b->t->callbacks = callbacks;
	b->t->ncallbacks = 1;
	result("no-host-vector-registers-after-callback",
	       call(b, VECTORS_AFTER, b->base + CALLBACKS_AT) == 0);
}

static sigjmp_buf host_fault_jmp;
static volatile int app_handler_ran;

static void app_segv(int sig)
{
	app_handler_ran++;
	siglongjmp(host_fault_jmp, 1);
}

static void test_fault_handler_kept(struct box *b)
{
	struct sigaction sa = { .sa_handler = app_segv };
	volatile int *volatile nowhere = (volatile int *)(uintptr_t)8;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);	/* after lfi_signals_catch_faults */
	result("box-fault-still-the-runtimes",
	       call(b, FAULTS, 0) == -1 && b->t->fault_sig == SIGSEGV &&
	       app_handler_ran == 0);
	if (!sigsetjmp(host_fault_jmp, 1))
		*nowhere = 1;	/* the host's own fault */
	result("host-fault-reaches-later-handler", app_handler_ran == 1);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGSEGV, &sa, NULL);
	/* the runtime's stop signal is not the program's to take */
	sa.sa_handler = SIG_IGN;
	result("stop-signal-reserved",
	       sigaction(LFI_STOP_SIGNAL, &sa, NULL) == -1 && errno == EINVAL);
}

int main(int argc, char **argv)
{
	static uint8_t code[4096];
	struct box a, b;
	size_t size;
	FILE *f;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: runtime-isolation ISOLATION.bin\n");
		return 2;
	}
	size = fread(code, 1, sizeof code, f);
	fclose(f);
	if (lfi_signals_catch_faults(NULL) < 0)
		printf("FAIL: runtime/isolation/fault-handler\n");
	if (make_box(&a, code, size, 0xaaaa) || make_box(&b, code, size, 0xbbbb))
		return 0;
	test_cross_box(&a, &b);
	test_x87(&a);
	test_vectors(&a);
	test_vectors_after_callback(&a);
	test_fault_handler_kept(&a);
	return 0;
}
