/* Calling a sandbox function from the host: the function's `ret` (popq
   %r11 + M1) lands on a return stub inside the box, verified code that
   makes runtime call 24, which brings %rax/%rdx back to the host. */
#include "call.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "signals.h"

/*
 * M3 with N = 24 at a bundle start, int3 after it:
 *     leaq 1f(%rip), %r11 ; jmpq *24(%r14) ; 1: int3 ...
 * (call 24 never returns; the lea is what M3 requires).
 */
static const uint8_t return_stub[] = {
	0x4c, 0x8d, 0x1d, 0x04, 0x00, 0x00, 0x00,	/* leaq 4(%rip), %r11 */
	0x41, 0xff, 0x66, 0x18,				/* jmpq *24(%r14) */
};

/* The functions that stand for a dead box's exports: %rax = -1 or 0,
   then a return (popq %r11 + M1). */
static const uint8_t return_minus_one[] = {
	0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff,	/* movq $-1, %rax */
	0x41, 0x5b, 0x41, 0x83, 0xe3, 0xe0,		/* popq %r11 ; andl $-32, %r11d */
	0x4d, 0x09, 0xf3, 0x41, 0xff, 0xe3,		/* orq %r14, %r11 ; jmpq *%r11 */
};
static const uint8_t return_zero[] = {
	0x31, 0xc0,					/* xorl %eax, %eax */
	0x41, 0x5b, 0x41, 0x83, 0xe3, 0xe0,
	0x4d, 0x09, 0xf3, 0x41, 0xff, 0xe3,
};

int lfi_box_map_return_stub(struct lfi_box *box, uint64_t at, char *why,
			    size_t why_size)
{
	uint8_t page[LFI_PAGE_SIZE];

	memset(page, 0xcc, sizeof page);
	memcpy(page, return_stub, sizeof return_stub);
	memcpy(page + LFI_STUB_RETURN_MINUS_ONE, return_minus_one, sizeof return_minus_one);
	memcpy(page + LFI_STUB_RETURN_ZERO, return_zero, sizeof return_zero);
	return lfi_box_map_code(box, at, page, sizeof page, why, why_size);
}

long lfi_thread_call(struct lfi_thread *t, const struct lfi_call *c)
{
	uint64_t sp = c->stack_top & ~15ULL;	/* %rsp = 8 mod 16 at entry */

	if (!lfi_box_contains(t->box, sp - 16, 16) ||
	    !lfi_box_contains(t->box, c->return_stub, 1))
		return -1;
	sp -= 16;
	/* another sandbox thread may unmap the stack page at any time */
	if (lfi_box_write_checked(sp + 8, &c->return_stub, 8))
		return -1;
	/* its ret pops the return address: call 24 comes with sp + 16 */
	return lfi_thread_enter_call(t, c->fn, sp + 8, c->args, sp + 16);
}

/*
 * Callback stub k, one bundle: movl $k, %r10d ; M3 40 ; then, where the
 * runtime call returns, the function's return (popq %r11 + M1).
 */
static void callback_stub(uint8_t *b, uint32_t k)
{
	static const uint8_t tail[] = {
		0x4c, 0x8d, 0x1d, 0x04, 0x00, 0x00, 0x00,	/* leaq 4(%rip), %r11 */
		0x41, 0xff, 0x66, 0x28,				/* jmpq *40(%r14) */
		0x41, 0x5b,					/* popq %r11 */
		0x41, 0x83, 0xe3, 0xe0,				/* andl $-32, %r11d */
		0x4d, 0x09, 0xf3,				/* orq %r14, %r11 */
		0x41, 0xff, 0xe3,				/* jmpq *%r11 */
	};

	b[0] = 0x41;				/* movl $k, %r10d */
	b[1] = 0xba;
	memcpy(b + 2, &k, 4);
	memcpy(b + 6, tail, sizeof tail);
}

int lfi_box_map_callback_stubs(struct lfi_box *box, uint64_t at, unsigned count,
			       char *why, size_t why_size)
{
	uint64_t len = ((uint64_t)count * 32 + LFI_PAGE_SIZE - 1) & ~(LFI_PAGE_SIZE - 1);
	uint8_t *code;
	int err;

	if (count == 0 || count > LFI_MAX_CALLBACKS)
		return -EINVAL;
	if (!(code = malloc(len)))
		return -ENOMEM;
	memset(code, 0xcc, len);
	for (unsigned k = 0; k < count; k++)
		callback_stub(code + 32 * k, k);
	err = lfi_box_map_code(box, at, code, len, why, why_size);
	free(code);
	return err;
}
