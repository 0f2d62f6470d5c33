/*
 * call.h - calling a function in a box from the host and getting its
 * result back (the trampolines of a .box.so do this, in assembly, for
 * each export; this is the plain C way, used by tests and benchmarks).
 */
#ifndef LFI_CALL_H
#define LFI_CALL_H

#include "box.h"
#include "thread.h"

/* Makes the page at `at` (box address, page-aligned) verified code whose
   first bundle is the return stub (runtime call 24), followed by two
   functions that return -1 and 0 (what a dead box's exports become).
   0 or -errno (with the verifier's message in `why`). */
#define LFI_STUB_RETURN_MINUS_ONE 32
#define LFI_STUB_RETURN_ZERO 64
int lfi_box_map_return_stub(struct lfi_box *box, uint64_t at, char *why,
			    size_t why_size);

struct lfi_call {
	uint64_t fn;		/* box address of the function (bundle-aligned) */
	uint64_t args[6];	/* integer arguments, SysV order */
	uint64_t stack_top;	/* the thread's sandbox stack: it grows down from here */
	uint64_t return_stub;	/* from lfi_box_map_return_stub */
};

/* Calls c->fn on the thread's sandbox stack with the return stub as its
   return address; returns its %rax (or -1 if the addresses are not in
   the box, or lfi_leave's value if the sandbox ended the run). */
long lfi_thread_call(struct lfi_thread *t, const struct lfi_call *c);

/*
 * Callbacks (runtime call 40): `count` one-bundle stubs at `at` (box
 * address, page-aligned); stub k, at at + 32 * k, is a sandbox function
 * that calls t->callbacks[k] of the calling thread (thread.h) with its
 * register arguments and returns its result. 0 or -errno.
 */
#define LFI_MAX_CALLBACKS 4096
int lfi_box_map_callback_stubs(struct lfi_box *box, uint64_t at, unsigned count,
			       char *why, size_t why_size);

#endif
