/*
 * rt_calls.c - the trampolines' out-of-line paths that need C (called
 * through rt_entry.S, which keeps the registers the trampoline needs).
 */
#define _GNU_SOURCE
#include "boxrt.h"

#include <signal.h>
#include <stdio.h>

#include "core/signals.h"

static const char *const arg_reg[6] = { "%rdi", "%rsi", "%rdx", "%rcx", "%r8", "%r9" };

/* A pointer argument `k` (a register, or 6 + its index among the stack
   pointers) that is neither NULL (or a small sentinel) nor in the box. */
void sobox_bad_pointer(const struct sobox_desc *d, unsigned k, uint64_t value)
{
	sobox_complain("%s: pointer argument %s 0x%llx is neither NULL nor inside "
		       "the box: the call fails", d->name,
		       k < 6 ? arg_reg[k] : "on the stack", (unsigned long long)value);
}

void sobox_nested_refused(const struct sobox_desc *d)
{
	sobox_complain("%s: a call into the box from a signal handler that "
		       "interrupted it, or on a stack the library moved: refused",
		       d->name);
}

/* A run ended through lfi_leave (t is still the current context): say
   why unless it is said already, and end the box when it is over. */
void sobox_left(struct lfi_thread *t)
{
	struct sobox_lib *l = &sobox_lib;

	if (t->fault_sig) {		/* on_fault said it */
		t->fault_sig = 0;
		return;
	}
	if (t->bad_call == 24) {
		t->bad_call = -1;
		sobox_complain("the box returned on another stack (a longjmp "
			       "across the boundary?): the call fails");
		return;
	}
	if (t->bad_call >= 0)
		sobox_kill("a bad runtime call");
	else if (l->p.exited)
		sobox_kill("the library ended its process");
	sobox_unwind_if_dead(t);
}

/* A context in a callback when its box ended: the callbacks return to
   a box that ran exit already; their runs end instead (entry.S's
   callback_abandoned), so the calls around them fail too. */
void sobox_unwind_if_dead(struct lfi_thread *t)
{
	if (__atomic_load_n(&sobox_lib.dead, __ATOMIC_ACQUIRE) &&
	    __atomic_load_n(&t->in_callback, __ATOMIC_ACQUIRE))
		__atomic_store_n(&t->unwind, 1, __ATOMIC_RELEASE);
}

/* Is the run in progress on this thread (ctx) still there? A host
   longjmp out of a callback leaves its words behind: the thread is then
   above the run's host frame, and not on a signal stack (a handler's
   frame may lie anywhere). 0: go on; 1: refuse the call (after putting
   the thread back in no run). */
int sobox_busy_check(struct lfi_thread *ctx, uint64_t sp)
{
	int alive = lfi_thread_callback_alive(ctx);
	stack_t ss;

	if (alive && sp < ctx->host_rsp)
		return 0;
	/* a signal handler: a live run may be underneath, whatever the
	   words say (a callback returning, say): never reset, refuse what
	   looks dead */
	if (sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_ONSTACK))
		return !alive;
	ctx->host_rsp = 0;
	ctx->in_callback = 0;
	ctx->cb_frame = 0;
	ctx->unwind = 0;
	__asm__ volatile("movq $0, %%fs:%c0\n\tmovq $0, %%fs:%c1"
			 : : "i"(LFI_SLOT_CTX), "i"(LFI_SLOT_FPDIRTY) : "memory");
	sobox_complain("a longjmp left a call into the box from one of its "
		       "callbacks: the call is refused, the thread's box state reset");
	return 1;
}

/* An out-value (a pointer to a pointer argument): the pointer the box
   wrote there, forced into the box like a pointer result. */
void sobox_force_out_c(uint64_t slot)
{
	uint64_t v;

	if (!slot || lfi_box_read_checked(&v, slot, 8) || !v)
		return;
	v = sobox_base | (uint32_t)v;
	lfi_box_write_checked(slot, &v, 8);
}
