/*
 * pages.c - data pages inside a box: map, map_file, unmap, protect.
 *
 * The box's reservation is never punched: giving pages back means mapping
 * the reservation (PROT_NONE, MAP_NORESERVE) over them with MAP_FIXED,
 * which replaces them in one step. A hole, even for an instant, could
 * receive another host thread's mmap(NULL) and put host memory inside
 * the box.
 *
 * Placement without LFI_MAP_FIXED: the hint when its whole range is free,
 * otherwise the highest free range (top-down first fit, like Linux), so
 * mappings grow down from the top of the box and away from brk.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "box_internal.h"

#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

int lfi_box_usable(const struct lfi_box *box, uint64_t addr, uint64_t len)
{
	uint64_t low = box->base + LFI_BOX_LOW;
	uint64_t high = box->base + LFI_BOX_SIZE;

	return len != 0 && lfi_page_aligned(addr) && lfi_page_aligned(len) &&
	       addr >= low && addr <= high && len <= high - addr;
}

uint64_t lfi_box_pages(uint64_t len)
{
	return len > LFI_BOX_SIZE ? 0 : lfi_page_up(len);
}

void lfi_box_reset(uint64_t addr, uint64_t len)
{
	static const char msg[] =
		"lfi runtime: cannot restore a box reservation; aborting\n";

	if (mmap((void *)addr, len, PROT_NONE, ANON | MAP_NORESERVE | MAP_FIXED,
		 -1, 0) != MAP_FAILED)
		return;
	/* The range may now be a hole the host could map into: isolation
	   cannot be kept, so stop here. */
	write(2, msg, sizeof msg - 1);
	abort();
}

int lfi_box_fresh(uint64_t addr, uint64_t len, int prot)
{
	int err;

	if (mmap((void *)addr, len, prot, ANON | MAP_FIXED, -1, 0) !=
	    MAP_FAILED)
		return 0;
	/* A failed MAP_FIXED may already have unmapped the old pages. */
	err = -errno;
	lfi_box_reset(addr, len);
	return err;
}

static int check_prot(int prot)
{
	if (prot & PROT_EXEC)
		return -EACCES;
	if (prot & ~(PROT_READ | PROT_WRITE))
		return -EINVAL;
	if (lfi_read_implies_exec())
		return -EACCES;
	return 0;
}

/* Where `len` bytes go (see the top of the file); 0 or -errno. */
static int place(struct lfi_box *box, uint64_t *addr, uint64_t len,
		 int flags)
{
	uint64_t hint = *addr & ~(LFI_PAGE_SIZE - 1), at;

	if (flags & LFI_MAP_FIXED) {
		if (!lfi_box_usable(box, *addr, len))
			return -EINVAL;
		if (lfi_regions_overlap(&box->regions, *addr, *addr + len,
					LFI_REGIONS_FIXED))
			return -EACCES;
		return 0;
	}
	if (lfi_box_usable(box, hint, len) &&
	    !lfi_regions_overlap(&box->regions, hint, hint + len, -1)) {
		*addr = hint;
		return 0;
	}
	at = lfi_regions_gap(&box->regions, box->base + LFI_BOX_LOW,
			     box->base + LFI_BOX_SIZE, len);
	if (!at)
		return -ENOMEM;
	*addr = at;
	return 0;
}

/* The host mmap for anonymous (fd < 0) or file pages; 0 or -errno. */
static int map_host(uint64_t addr, uint64_t len, int prot, int fd,
		    uint64_t off, int shared)
{
	int flags = MAP_FIXED | (shared ? MAP_SHARED : MAP_PRIVATE), err;

	if (fd < 0)
		return lfi_box_fresh(addr, len, prot);
	if (mmap((void *)addr, len, prot, flags, fd, off) != MAP_FAILED)
		return 0;
	err = -errno;
	lfi_box_reset(addr, len);
	return err;
}

/* map_any's flag for lfi_box_map_pinned */
#define MAP_PINNED 2

static int map_locked(struct lfi_box *box, uint64_t *addr, uint64_t len,
		      int prot, int flags, int fd, uint64_t off, int shared)
{
	struct lfi_region r = { .prot = prot, .kind = LFI_REGION_ANON };
	uint64_t at = *addr;
	int err;

	err = lfi_regions_reserve(&box->regions);
	if (!err)
		err = place(box, &at, len, flags);
	if (err)
		return err;
	err = map_host(at, len, prot, fd, off, shared);
	/* Success replaced what was there, failure reset it. */
	lfi_regions_remove(&box->regions, at, at + len);
	if (err)
		return err;
	r.start = at;
	r.end = at + len;
	if (fd >= 0)
		r.kind = LFI_REGION_FILE;
	if (flags & MAP_PINNED)
		r.kind = LFI_REGION_PINNED;
	lfi_regions_add(&box->regions, r);
	*addr = at;
	return 0;
}

static int map_any(struct lfi_box *box, uint64_t *addr, uint64_t len,
		   int prot, int flags, int fd, uint64_t off, int shared)
{
	uint64_t pages = lfi_box_pages(len);
	int err = check_prot(prot);

	if (err)
		return err;
	if (flags & ~(LFI_MAP_FIXED | MAP_PINNED) || !len || !lfi_page_aligned(off))
		return -EINVAL;
	if (!pages)
		return flags & LFI_MAP_FIXED ? -EINVAL : -ENOMEM;
	pthread_mutex_lock(&box->lock);
	err = map_locked(box, addr, pages, prot, flags, fd, off, shared);
	pthread_mutex_unlock(&box->lock);
	return err;
}

int lfi_box_map(struct lfi_box *box, uint64_t *addr, uint64_t len, int prot,
		int flags)
{
	if (flags & ~LFI_MAP_FIXED)
		return -EINVAL;
	return map_any(box, addr, len, prot, flags, -1, 0, 0);
}

int lfi_box_map_pinned(struct lfi_box *box, uint64_t *addr, uint64_t len)
{
	return map_any(box, addr, len, PROT_READ | PROT_WRITE, MAP_PINNED, -1, 0, 0);
}

int lfi_box_map_file(struct lfi_box *box, uint64_t *addr, uint64_t len,
		     int prot, int flags, int fd, uint64_t off, int shared)
{
	if (fd < 0)
		return -EBADF;
	return map_any(box, addr, len, prot, flags, fd, off, shared);
}

int lfi_box_unmap(struct lfi_box *box, uint64_t addr, uint64_t len)
{
	int err = 0;

	len = lfi_box_pages(len);
	if (!lfi_box_usable(box, addr, len))
		return -EINVAL;
	pthread_mutex_lock(&box->lock);
	if (lfi_regions_overlap(&box->regions, addr, addr + len,
				LFI_REGIONS_FIXED))
		err = -EACCES;
	else
		err = lfi_regions_reserve(&box->regions);
	if (!err) {
		lfi_box_reset(addr, len);
		lfi_regions_remove(&box->regions, addr, addr + len);
	}
	pthread_mutex_unlock(&box->lock);
	return err;
}

/* One region at a time, so the list records exactly what the host
   changed when it refuses part of the range (a read-only shared file). */
static int protect_locked(struct lfi_box *box, uint64_t addr, uint64_t end,
			  int prot)
{
	struct lfi_regions *rs = &box->regions;
	int err;

	if (lfi_regions_overlap(rs, addr, end, LFI_REGIONS_FIXED))
		return -EACCES;
	if (!lfi_regions_cover(rs, addr, end))
		return -ENOMEM;
	while (addr < end) {
		uint64_t stop = rs->v[lfi_regions_index(rs, addr)].end;

		if (stop > end)
			stop = end;
		err = lfi_regions_reserve(rs);
		if (err)
			return err;
		if (mprotect((void *)addr, stop - addr, prot) != 0)
			return -errno;
		lfi_regions_set_prot(rs, addr, stop, prot);
		addr = stop;
	}
	return 0;
}

int lfi_box_protect(struct lfi_box *box, uint64_t addr, uint64_t len, int prot)
{
	int err = check_prot(prot);

	if (err)
		return err;
	if (!lfi_page_aligned(addr))
		return -EINVAL;
	if (!len)
		return 0;
	len = lfi_box_pages(len);
	if (!lfi_box_usable(box, addr, len))
		return -EINVAL;
	pthread_mutex_lock(&box->lock);
	err = protect_locked(box, addr, addr + len, prot);
	pthread_mutex_unlock(&box->lock);
	return err;
}
