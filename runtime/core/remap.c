/*
 * remap.c - mremap inside a box.
 *
 * Shrinking gives the tail back to the reservation. Growing maps fresh
 * pages after an anonymous region when they are free. Moving uses
 * mremap(MREMAP_DONTUNMAP) onto the reservation at the new place, which
 * moves the pages and leaves the old range mapped (empty) until the
 * reservation is put back over it: a plain move would leave a hole at
 * the old place for an instant (see pages.c).
 *
 * File regions shrink but do not grow: growing maps more of the file,
 * and the core does not keep the file. -ENOMEM, like a kernel that
 * cannot find room.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include "box_internal.h"

static void record(struct lfi_regions *rs, uint64_t start, uint64_t end,
		   int prot)
{
	struct lfi_region r = { start, end, prot, LFI_REGION_ANON };

	lfi_regions_add(rs, r);
}

static int move(struct lfi_box *box, uint64_t old, uint64_t old_len,
		uint64_t new_len, int prot, uint64_t *new_addr)
{
	struct lfi_regions *rs = &box->regions;
	uint64_t to = lfi_regions_gap(rs, box->base + LFI_BOX_LOW,
				      box->base + LFI_BOX_SIZE, new_len);
	int err;

	if (!to)
		return -ENOMEM;
	/* The tail first: when it fails, nothing has moved yet. */
	err = lfi_box_fresh(to + old_len, new_len - old_len, prot);
	if (err)
		return err;
	if (mremap((void *)old, old_len, old_len,
		   MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP,
		   (void *)to) == MAP_FAILED) {
		err = -errno;
		lfi_box_reset(to, new_len);
		return err;
	}
	lfi_box_reset(old, old_len);
	lfi_regions_remove(rs, old, old + old_len);
	record(rs, to, to + new_len, prot);
	*new_addr = to;
	return 0;
}

static int remap_locked(struct lfi_box *box, uint64_t old, uint64_t old_len,
			uint64_t new_len, int may_move, uint64_t *new_addr)
{
	struct lfi_regions *rs = &box->regions;
	const struct lfi_region *r;
	uint64_t tail = old + old_len;
	int err, prot;

	if (lfi_regions_overlap(rs, old, tail, LFI_REGIONS_FIXED))
		return -EACCES;
	r = lfi_regions_at(rs, old);
	if (!r || r->end < tail)
		return -EFAULT;		/* not one mapping, like Linux */
	prot = r->prot;
	if (new_len > old_len && r->kind != LFI_REGION_ANON)
		return -ENOMEM;
	err = lfi_regions_reserve(rs);
	if (err)
		return err;
	*new_addr = old;
	if (new_len <= old_len) {
		if (new_len < old_len) {
			lfi_box_reset(old + new_len, old_len - new_len);
			lfi_regions_remove(rs, old + new_len, tail);
		}
		return 0;
	}
	if (lfi_box_usable(box, old, new_len) &&
	    !lfi_regions_overlap(rs, tail, old + new_len, -1)) {
		err = lfi_box_fresh(tail, old + new_len - tail, prot);
		if (!err)
			record(rs, tail, old + new_len, prot);
		return err;
	}
	if (!may_move)
		return -ENOMEM;
	return move(box, old, old_len, new_len, prot, new_addr);
}

int lfi_box_remap(struct lfi_box *box, uint64_t old_addr, uint64_t old_len,
		  uint64_t new_len, int may_move, uint64_t *new_addr)
{
	uint64_t old_pages = lfi_box_pages(old_len);
	uint64_t new_pages = lfi_box_pages(new_len);
	int err;

	if (!lfi_box_usable(box, old_addr, old_pages) || !new_len)
		return -EINVAL;
	if (!new_pages)
		return -ENOMEM;
	pthread_mutex_lock(&box->lock);
	err = remap_locked(box, old_addr, old_pages, new_pages, may_move,
			   new_addr);
	pthread_mutex_unlock(&box->lock);
	return err;
}
