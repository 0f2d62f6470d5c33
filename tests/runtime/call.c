/*
 * Calling functions in a box from the host (runtime/core/call.h): the
 * result comes back, arguments arrive in order, memory writes land in the
 * box, and the host's callee-saved registers survive.
 * Usage: runtime-call CALLEE.bin   (the .text of tests/runtime/callee.c
 * compiled with the LFI driver). One PASS:/FAIL: line per test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "signals.h"

#define STUB_AT 0x10000
#define CALLBACKS_AT 0x11000
#define STACK2_AT 0x200000
#define CODE_AT 0x20000
#define DATA_AT 0x40000
#define STACK_AT 0x100000
#define STACK_SIZE 0x10000

static void result(const char *name, int ok)
{
	printf("%s: runtime/call/%s\n", ok ? "PASS" : "FAIL", name);
}

static uint8_t *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = malloc(1 << 20);

	if (!f || !buf)
		return NULL;
	*size = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

struct symbols {
	uint64_t add, sum6, store, twice_via, many_via;
};

/* The functions' box addresses: their offsets in .text, from nm on the
   object the .bin was extracted from. */
static int find(const char *path, struct symbols *s, uint64_t base)
{
	char cmd[512], name[64];
	unsigned long long off;
	FILE *p;

	snprintf(cmd, sizeof cmd, "nm %s.o", path);
	if (!(p = popen(cmd, "r")))
		return -1;
	while (fscanf(p, "%llx %*s %63s", &off, name) == 2) {
		if (!strcmp(name, "add")) s->add = base + off;
		if (!strcmp(name, "sum6")) s->sum6 = base + off;
		if (!strcmp(name, "store")) s->store = base + off;
		if (!strcmp(name, "twice_via")) s->twice_via = base + off;
		if (!strcmp(name, "many_via")) s->many_via = base + off;
	}
	return pclose(p) == 0 && s->add && s->sum6 && s->store && s->twice_via &&
	       s->many_via ? 0 : -1;
}

/* The callbacks of the tests: what the sandbox calls in the host. */
static struct lfi_thread *cb_thread;
static struct symbols *cb_sym;
static uint64_t cb_base;

static long host_mul(long a, long b)
{
	return a * b;
}

/* Nested: the host callback calls into the box again (on another part
   of the sandbox stack) before it returns. */
static long host_nested(long a, long b)
{
	struct lfi_call c = { .fn = cb_sym->add, .args = { a, b },
			      .stack_top = cb_base + STACK2_AT + STACK_SIZE,
			      .return_stub = cb_base + STUB_AT };
	return lfi_thread_call(cb_thread, &c) + 100;
}

/* A nested call that comes back on another sandbox stack (the return
   stub run as the function: what a longjmp in the box out of the nested
   call looks like). It is refused; then this callback returns, but the
   outer run must not resume the box on frames it abandoned. */
static long nested_returned_elsewhere;

static long host_nested_elsewhere(long a, long b)
{
	struct lfi_call c = { .fn = cb_base + STUB_AT,
			      .stack_top = cb_base + STACK2_AT + STACK_SIZE,
			      .return_stub = cb_base + STUB_AT };
	nested_returned_elsewhere = lfi_thread_call(cb_thread, &c);
	return 7;
}

static long host_weigh8(long a, long b, long c, long d, long e, long f, long g, long h)
{
	return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}

static void test_callbacks(struct lfi_box *box, struct lfi_thread *t,
			   struct symbols *sym, uint64_t base)
{
	static uint64_t table[4];
	uint64_t stack2 = base + STACK2_AT;
	char why[256] = "";
	struct lfi_call c = { .fn = sym->twice_via, .args = { 0, 5 },
			      .stack_top = base + STACK_AT + STACK_SIZE,
			      .return_stub = base + STUB_AT };

	if (lfi_box_map_callback_stubs(box, base + CALLBACKS_AT, 4, why, sizeof why) ||
	    lfi_box_map(box, &stack2, STACK_SIZE, 3, LFI_MAP_FIXED)) {
		printf("FAIL: runtime/call/callback-setup: %s\n", why);
		return;
	}
	cb_thread = t;
	cb_sym = sym;
	cb_base = base;
	table[0] = (uint64_t)(uintptr_t)host_mul;
	table[1] = (uint64_t)(uintptr_t)host_nested;
	table[2] = (uint64_t)(uintptr_t)host_weigh8;
	table[3] = (uint64_t)(uintptr_t)host_nested_elsewhere;
	t->callbacks = table;
	t->ncallbacks = 4;
	c.args[0] = base + CALLBACKS_AT;		/* stub 0: host_mul */
	result("callback", lfi_thread_call(t, &c) == 30);
	c.args[0] = base + CALLBACKS_AT + 32;		/* stub 1: host_nested */
	result("callback-nested-call", lfi_thread_call(t, &c) == (5 + 3 + 100) * 2);
	c.fn = sym->many_via;
	c.args[0] = base + CALLBACKS_AT + 64;		/* stub 2: host_weigh8 */
	result("callback-stack-arguments", lfi_thread_call(t, &c) ==
		   5 + 2 * 2 + 3 * 3 + 4 * 4 + 5 * 5 + 6 * 6 + 7 * 7 + 8 * 8 + 1);
	c.fn = sym->twice_via;
	c.args[0] = base + CALLBACKS_AT + 96;		/* stub 3 */
	result("callback-abandoned-by-a-nested-run-ends-the-run",
	       lfi_thread_call(t, &c) == -1 && nested_returned_elsewhere == -1 &&
	       t->in_callback == 0 && t->unwind == 0);
	t->bad_call = -1;
	t->ncallbacks = 3;			/* stub 3: no such callback */
	result("callback-bad-index", lfi_thread_call(t, &c) == -1 && t->bad_call == 40);
	t->bad_call = -1;
	c.fn = sym->add;
	c.args[0] = 1;
	c.args[1] = 2;
	result("usable-after-bad-call", lfi_thread_call(t, &c) == 3);
	t->callbacks = NULL;
	t->ncallbacks = 0;
}

int main(int argc, char **argv)
{
	uint64_t table[LFI_RUNTIME_CALLS], base, addr;
	struct lfi_box *box;
	struct lfi_thread *t;
	struct symbols sym = { 0 };
	char why[256];
	size_t size;
	uint8_t *code;
	int err;

	if (argc != 2 || !(code = read_all(argv[1], &size))) {
		fprintf(stderr, "usage: runtime-call CALLEE.bin\n");
		return 2;
	}
	/* the runtime's fault handler: checked copies (callback stack
	   arguments) need it */
	if (lfi_signals_catch_faults(NULL) < 0)
		printf("FAIL: runtime/call/fault-handler\n");
	lfi_runtime_table(table);
	box = lfi_box_new(table, &err);
	base = lfi_box_base(box);
	addr = base + STACK_AT;
	if (lfi_box_map_return_stub(box, base + STUB_AT, why, sizeof why) ||
	    lfi_box_map_code(box, base + CODE_AT, code, size,
			     why, sizeof why) ||
	    lfi_box_map(box, &addr, STACK_SIZE, 3, LFI_MAP_FIXED) ||
	    find(argv[1], &sym, base + CODE_AT) ||
	    !(t = lfi_thread_new(box, NULL, NULL))) {
		printf("FAIL: runtime/call/setup: %s\n", why);
		return 0;
	}
	struct lfi_call c = { .fn = sym.add, .args = { 2, 3 },
			      .stack_top = base + STACK_AT + STACK_SIZE,
			      .return_stub = base + STUB_AT };
	result("add", lfi_thread_call(t, &c) == 5);
	c.fn = sym.sum6;
	memcpy(c.args, (uint64_t[6]){ 1, 2, 3, 4, 5, 6 }, sizeof c.args);
	result("six-arguments-in-order", lfi_thread_call(t, &c) == 1 + 4 + 9 + 16 + 25 + 36);

	addr = base + DATA_AT;
	lfi_box_map(box, &addr, 4096, 3, LFI_MAP_FIXED);
	*(long *)(uintptr_t)(base + DATA_AT) = 11;
	c.fn = sym.store;
	c.args[0] = base + DATA_AT;
	c.args[1] = 99;
	result("store-through-box-pointer", lfi_thread_call(t, &c) == 11 &&
		   *(long *)(uintptr_t)(base + DATA_AT) == 99);

	/* many calls with live host values around them: callee-saved
	   registers (the compiler keeps these in them) must survive */
	long acc = 0, keep1 = 7, keep2 = 13;
	c.fn = sym.add;
	for (long i = 0; i < 100000; i++) {
		c.args[0] = i;
		c.args[1] = keep1;
		acc += lfi_thread_call(t, &c) - keep2;
	}
	result("callee-saved-and-repeated", acc == 100000LL * 99999 / 2 + 100000 * (7 - 13));
	c.fn = sym.add + 1;
	result("misaligned-function-refused", lfi_thread_call(t, &c) == -1);
	/* The return stub run as the function: call 24 comes with %rsp still
	   on the return address, not where a return leaves it (a longjmp
	   across the boundary looks the same). */
	c.fn = base + STUB_AT;
	result("return-on-another-stack-refused",
	       lfi_thread_call(t, &c) == -1 && t->bad_call == 24);
	t->bad_call = -1;
	c.fn = sym.add;
	result("usable-after-refused-return", lfi_thread_call(t, &c) == 99999 + 7);
	c.fn = base + STUB_AT + LFI_STUB_RETURN_MINUS_ONE;
	result("stub-page-returns-minus-one", lfi_thread_call(t, &c) == -1 && t->bad_call < 0);
	c.fn = base + STUB_AT + LFI_STUB_RETURN_ZERO;
	result("stub-page-returns-zero", lfi_thread_call(t, &c) == 0 && t->bad_call < 0);
	test_callbacks(box, t, &sym, base);
	lfi_thread_free(t);
	lfi_box_free(box);
	free(code);
	return 0;
}
