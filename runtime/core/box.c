/*
 * box.c - reserving a box, its runtime-call table page, and teardown.
 *
 * Each box is its own reservation of exactly guard + 4 GiB + guard
 * (84 GiB), 4 GiB-aligned at the box: mmap cannot align, so 4 GiB more
 * is reserved and the ends are given back at once. Neighbouring boxes do
 * not share guards; that costs address space (the real limit is about
 * 1500 boxes in the 128 TiB of a 47-bit user address space, see
 * runtime/README.md) but needs no process-wide slot allocator.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include "box_internal.h"
#include "signals.h"

#define RESERVATION (LFI_BOX_GUARD + LFI_BOX_SIZE + LFI_BOX_GUARD)

int lfi_read_implies_exec(void)
{
	int persona = personality(0xffffffff);

	return persona != -1 && (persona & READ_IMPLIES_EXEC);
}

/* Reserves RESERVATION bytes whose box part is 4 GiB-aligned. */
static int reserve(struct lfi_box *box)
{
	uint64_t len = RESERVATION + LFI_BOX_SIZE - LFI_PAGE_SIZE;
	uint64_t lo, hi, end;
	void *p = mmap(NULL, len, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		return -errno;
	box->base = ((uint64_t)p + LFI_BOX_GUARD + LFI_BOX_SIZE - 1) &
		    ~(LFI_BOX_SIZE - 1);
	lo = box->base - LFI_BOX_GUARD;
	hi = lo + RESERVATION;
	end = (uint64_t)p + len;
	if (lo > (uint64_t)p)
		munmap(p, lo - (uint64_t)p);
	if (end > hi)
		munmap((void *)hi, end - hi);
	box->resv_start = lo;
	box->resv_len = RESERVATION;
	return 0;
}

/* The first page: the table, then zeroes; read-only afterwards, so a
   null pointer in the box reads the table and a null write faults. */
static int install_table(struct lfi_box *box,
			 const uint64_t table[LFI_RUNTIME_CALLS])
{
	void *page = (void *)box->base;

	if (mmap(page, LFI_PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
		return -errno;
	memcpy(page, table, LFI_RUNTIME_CALLS * sizeof table[0]);
	if (mprotect(page, LFI_PAGE_SIZE, PROT_READ) != 0)
		return -errno;
	return 0;
}

struct lfi_box *lfi_box_new(const uint64_t table[LFI_RUNTIME_CALLS], int *err)
{
	struct lfi_box *box;
	int e;

	*err = -EINVAL;
	if (!table)
		return NULL;
	/* Under READ_IMPLIES_EXEC every readable page would be executable. */
	*err = -EPERM;
	if (lfi_read_implies_exec())
		return NULL;
	*err = -ENOMEM;
	box = calloc(1, sizeof *box);
	if (!box)
		return NULL;
	e = reserve(box);
	if (e == 0)
		e = install_table(box, table);
	if (e == 0)
		e = -pthread_mutex_init(&box->lock, NULL);
	if (e != 0) {
		if (box->resv_len)
			munmap((void *)box->resv_start, box->resv_len);
		free(box);
		*err = e;
		return NULL;
	}
	/* No host handler may write its frame on a sandbox stack. */
	lfi_signals_protect();
	*err = 0;
	return box;
}

void lfi_box_free(struct lfi_box *box)
{
	if (!box)
		return;
	munmap((void *)box->resv_start, box->resv_len);
	lfi_regions_free(&box->regions);
	pthread_mutex_destroy(&box->lock);
	free(box);
}

uint64_t lfi_box_base(const struct lfi_box *box)
{
	return box->base;
}

int lfi_box_contains(const struct lfi_box *box, uint64_t addr, uint64_t len)
{
	return addr >= box->base && len <= LFI_BOX_SIZE &&
	       addr - box->base <= LFI_BOX_SIZE - len;
}
