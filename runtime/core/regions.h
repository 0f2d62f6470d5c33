/*
 * regions.h - the per-box list of mappings: sorted, disjoint intervals of
 * host addresses, one entry per run of pages with the same kind and
 * protection. Memory is proportional to the number of mappings, not to
 * the size of the box, so a thousand boxes stay cheap.
 *
 * Pure bookkeeping: nothing here calls the kernel. Functions that change
 * the list never fail; the caller first makes room with
 * lfi_regions_reserve(), before the system call whose result it records,
 * so the list and the address space cannot disagree after an error.
 */
#ifndef LFI_REGIONS_H
#define LFI_REGIONS_H

#include <stddef.h>
#include <stdint.h>

enum lfi_region_kind {
	LFI_REGION_ANON,	/* private anonymous data */
	LFI_REGION_FILE,	/* a host file, private or shared */
	LFI_REGION_CODE,	/* verified code: read-execute, immutable */
	LFI_REGION_PINNED,	/* the runtime's data (call stacks): immutable */
};

/* For lfi_regions_overlap: regions the sandbox may not unmap, remap or
   reprotect (code and pinned data). */
#define LFI_REGIONS_FIXED (-2)

struct lfi_region {
	uint64_t start, end;	/* [start, end), page-aligned */
	int prot;		/* PROT_* */
	enum lfi_region_kind kind;
};

struct lfi_regions {
	struct lfi_region *v;
	size_t n, cap;
};

/* Slots every changing function below may need at most. */
#define LFI_REGIONS_SPARE 2

/* Room for LFI_REGIONS_SPARE more entries: 0 or -ENOMEM. */
int lfi_regions_reserve(struct lfi_regions *rs);
void lfi_regions_free(struct lfi_regions *rs);

/* Index of the first region ending above addr (rs->n if none). */
size_t lfi_regions_index(const struct lfi_regions *rs, uint64_t addr);

/* The region holding addr, or NULL. */
const struct lfi_region *lfi_regions_at(const struct lfi_regions *rs,
					uint64_t addr);

/* Does any region (of `kind`, of any kind when kind is -1, code or
   pinned when LFI_REGIONS_FIXED) meet [start, end)? */
int lfi_regions_overlap(const struct lfi_regions *rs, uint64_t start,
			uint64_t end, int kind);

/* Is every page of [start, end) in some region? */
int lfi_regions_cover(const struct lfi_regions *rs, uint64_t start,
		      uint64_t end);

/* Forgets [start, end), splitting regions that stick out. */
void lfi_regions_remove(struct lfi_regions *rs, uint64_t start, uint64_t end);

/* Records r over a range that holds no region. */
void lfi_regions_add(struct lfi_regions *rs, struct lfi_region r);

/* Sets the protection of [start, end), which must be covered. */
void lfi_regions_set_prot(struct lfi_regions *rs, uint64_t start,
			  uint64_t end, int prot);

/* Highest address a with [a, a + len) free inside [low, high), or 0.
   Every region must lie inside [low, high). */
uint64_t lfi_regions_gap(const struct lfi_regions *rs, uint64_t low,
			 uint64_t high, uint64_t len);

#endif
