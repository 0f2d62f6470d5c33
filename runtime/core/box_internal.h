/*
 * box_internal.h - what the core's files share about a box.
 */
#ifndef LFI_BOX_INTERNAL_H
#define LFI_BOX_INTERNAL_H

#include <pthread.h>
#include <stdint.h>
#include "box.h"
#include "regions.h"

struct lfi_box {
	uint64_t base;			/* 4 GiB-aligned, never 0 */
	uint64_t resv_start, resv_len;	/* the reservation, guards included */
	pthread_mutex_t lock;		/* guards everything below */
	struct lfi_regions regions;	/* what is mapped in [base+LOW, +SIZE) */
	uint64_t brk_start, brk_cur;	/* 0 until lfi_box_brk_init */
	uint64_t verified, preverified;	/* code bytes mapped each way */
};

static inline uint64_t lfi_page_up(uint64_t x)
{
	return (x + LFI_PAGE_SIZE - 1) & ~(LFI_PAGE_SIZE - 1);
}

static inline int lfi_page_aligned(uint64_t x)
{
	return (x & (LFI_PAGE_SIZE - 1)) == 0;
}

/* Is [addr, addr + len) whole pages inside [base + LOW, base + SIZE)? */
int lfi_box_usable(const struct lfi_box *box, uint64_t addr, uint64_t len);

/* Turns a length from the caller into whole pages; 0 when it is 0 or
   larger than a box (no rounding overflow). */
uint64_t lfi_box_pages(uint64_t len);

/* Puts the reservation back over [addr, addr + len) (see pages.c). */
void lfi_box_reset(uint64_t addr, uint64_t len);

/* Fresh private anonymous pages at addr; 0 or -errno (the range is reset
   to the reservation on failure). */
int lfi_box_fresh(uint64_t addr, uint64_t len, int prot);

/* Non-zero when the process has READ_IMPLIES_EXEC (PROT_READ would map
   executable pages). */
int lfi_read_implies_exec(void);

#endif
