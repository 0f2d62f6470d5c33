/* Calling a sandbox function from the host: the function's `ret` (popq
   %r11 + M1) lands on a return stub inside the box, verified code that
   makes runtime call 24, which brings %rax/%rdx back to the host. */
#include "call.h"

#include <string.h>

/*
 * M3 with N = 24 at a bundle start, int3 after it:
 *     leaq 1f(%rip), %r11 ; jmpq *24(%r14) ; 1: int3 ...
 * (call 24 never returns; the lea is what M3 requires).
 */
static const uint8_t return_stub[] = {
	0x4c, 0x8d, 0x1d, 0x04, 0x00, 0x00, 0x00,	/* leaq 4(%rip), %r11 */
	0x41, 0xff, 0x66, 0x18,				/* jmpq *24(%r14) */
};

int lfi_box_map_return_stub(struct lfi_box *box, uint64_t at, char *why,
			    size_t why_size)
{
	uint8_t page[LFI_PAGE_SIZE];

	memset(page, 0xcc, sizeof page);
	memcpy(page, return_stub, sizeof return_stub);
	return lfi_box_map_code(box, at, page, sizeof page, why, why_size);
}

long lfi_thread_call(struct lfi_thread *t, const struct lfi_call *c)
{
	uint64_t sp = c->stack_top & ~15ULL;	/* %rsp = 8 mod 16 at entry */

	if (!lfi_box_contains(t->box, sp - 16, 16) ||
	    !lfi_box_contains(t->box, c->return_stub, 1))
		return -1;
	sp -= 16;
	memcpy((void *)(uintptr_t)(sp + 8), &c->return_stub, 8);
	return lfi_thread_run(t, c->fn, sp + 8, c->args);
}
