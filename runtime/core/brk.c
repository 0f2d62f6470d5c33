/*
 * brk.c - the program break of a box.
 *
 * The heap is ordinary anonymous data in the region list, so munmap and
 * mprotect work on it as on Linux. Growing needs the new pages free (as
 * Linux refuses to grow into another mapping); shrinking gives pages back
 * to the reservation but never touches verified code.
 */
#include <errno.h>
#include <sys/mman.h>
#include "box_internal.h"

void lfi_box_brk_init(struct lfi_box *box, uint64_t start)
{
	pthread_mutex_lock(&box->lock);
	if (start >= box->base + LFI_BOX_LOW &&
	    start <= box->base + LFI_BOX_SIZE)
		box->brk_start = box->brk_cur = start;
	pthread_mutex_unlock(&box->lock);
}

/* Moves the break's last page from `from` to `to` (both page-aligned);
   0 or -errno. */
static int move_top(struct lfi_box *box, uint64_t from, uint64_t to)
{
	struct lfi_regions *rs = &box->regions;
	struct lfi_region r = { from, to, PROT_READ | PROT_WRITE,
				LFI_REGION_ANON };
	int err = lfi_regions_reserve(rs);

	if (err)
		return err;
	if (to > from) {
		if (lfi_regions_overlap(rs, from, to, -1))
			return -ENOMEM;
		err = lfi_box_fresh(from, to - from, r.prot);
		if (!err)
			lfi_regions_add(rs, r);
		return err;
	}
	if (lfi_regions_overlap(rs, to, from, LFI_REGIONS_FIXED))
		return -EACCES;
	lfi_box_reset(to, from - to);
	lfi_regions_remove(rs, to, from);
	return 0;
}

uint64_t lfi_box_brk(struct lfi_box *box, uint64_t new_brk)
{
	uint64_t cur;

	pthread_mutex_lock(&box->lock);
	if (box->brk_start && new_brk >= box->brk_start &&
	    new_brk <= box->base + LFI_BOX_SIZE) {
		uint64_t from = lfi_page_up(box->brk_cur);
		uint64_t to = lfi_page_up(new_brk);

		if (from == to || move_top(box, from, to) == 0)
			box->brk_cur = new_brk;
	}
	cur = box->brk_cur;
	pthread_mutex_unlock(&box->lock);
	return cur;
}
