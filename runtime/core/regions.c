/*
 * regions.c - the per-box interval list (see regions.h).
 *
 * A sorted array rather than a tree: boxes have tens to a few thousand
 * mappings, every change is one binary search and one memmove, and the
 * whole list is one allocation that lfi_box_free gives back.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "regions.h"

int lfi_regions_reserve(struct lfi_regions *rs)
{
	size_t want = rs->n + LFI_REGIONS_SPARE, cap = rs->cap ? rs->cap : 8;
	struct lfi_region *v;

	if (want <= rs->cap)
		return 0;
	while (cap < want)
		cap *= 2;
	v = realloc(rs->v, cap * sizeof *v);
	if (!v)
		return -ENOMEM;
	rs->v = v;
	rs->cap = cap;
	return 0;
}

void lfi_regions_free(struct lfi_regions *rs)
{
	free(rs->v);
	rs->v = NULL;
	rs->n = rs->cap = 0;
}

size_t lfi_regions_index(const struct lfi_regions *rs, uint64_t addr)
{
	size_t lo = 0, hi = rs->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rs->v[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct lfi_region *lfi_regions_at(const struct lfi_regions *rs,
					uint64_t addr)
{
	size_t i = lfi_regions_index(rs, addr);

	if (i < rs->n && rs->v[i].start <= addr)
		return &rs->v[i];
	return NULL;
}

int lfi_regions_overlap(const struct lfi_regions *rs, uint64_t start,
			uint64_t end, int kind)
{
	size_t i;

	for (i = lfi_regions_index(rs, start); i < rs->n; i++) {
		if (rs->v[i].start >= end)
			break;
		if (kind == -1 || rs->v[i].kind == (enum lfi_region_kind)kind)
			return 1;
		if (kind == LFI_REGIONS_FIXED && (rs->v[i].kind == LFI_REGION_CODE ||
						  rs->v[i].kind == LFI_REGION_PINNED))
			return 1;
	}
	return 0;
}

int lfi_regions_cover(const struct lfi_regions *rs, uint64_t start,
		      uint64_t end)
{
	uint64_t at = start;
	size_t i;

	for (i = lfi_regions_index(rs, start); i < rs->n && at < end; i++) {
		if (rs->v[i].start > at)
			return 0;
		at = rs->v[i].end;
	}
	return at >= end;
}

static void insert_at(struct lfi_regions *rs, size_t i, struct lfi_region r)
{
	memmove(&rs->v[i + 1], &rs->v[i], (rs->n - i) * sizeof r);
	rs->v[i] = r;
	rs->n++;
}

static void delete_at(struct lfi_regions *rs, size_t i, size_t count)
{
	memmove(&rs->v[i], &rs->v[i + count],
		(rs->n - i - count) * sizeof rs->v[0]);
	rs->n -= count;
}

/* Makes addr a region boundary (uses one spare slot at most). */
static void split_at(struct lfi_regions *rs, uint64_t addr)
{
	size_t i = lfi_regions_index(rs, addr);
	struct lfi_region tail;

	if (i == rs->n || rs->v[i].start >= addr)
		return;
	tail = rs->v[i];
	tail.start = addr;
	rs->v[i].end = addr;
	insert_at(rs, i + 1, tail);
}

/* Only anonymous data merges: a file region stands for one host file
   mapping, and code regions are never touched again. */
static int mergeable(const struct lfi_region *a, const struct lfi_region *b)
{
	return a->end == b->start && a->kind == LFI_REGION_ANON &&
	       b->kind == LFI_REGION_ANON && a->prot == b->prot;
}

/* Merges neighbours among entries lo-1 .. hi (indices clamped). */
static void merge_range(struct lfi_regions *rs, size_t lo, size_t hi)
{
	size_t k;

	if (lo == 0)
		lo = 1;
	if (hi >= rs->n)
		hi = rs->n - 1;
	for (k = hi; rs->n > 1 && k >= lo; k--) {
		if (mergeable(&rs->v[k - 1], &rs->v[k])) {
			rs->v[k - 1].end = rs->v[k].end;
			delete_at(rs, k, 1);
		}
	}
}

void lfi_regions_remove(struct lfi_regions *rs, uint64_t start, uint64_t end)
{
	size_t i, j;

	split_at(rs, start);
	split_at(rs, end);
	i = lfi_regions_index(rs, start);
	for (j = i; j < rs->n && rs->v[j].start < end; j++)
		;
	delete_at(rs, i, j - i);
}

void lfi_regions_add(struct lfi_regions *rs, struct lfi_region r)
{
	size_t i = lfi_regions_index(rs, r.start);

	insert_at(rs, i, r);
	merge_range(rs, i, i + 1);
}

void lfi_regions_set_prot(struct lfi_regions *rs, uint64_t start,
			  uint64_t end, int prot)
{
	size_t i, j;

	split_at(rs, start);
	split_at(rs, end);
	i = lfi_regions_index(rs, start);
	for (j = i; j < rs->n && rs->v[j].start < end; j++)
		rs->v[j].prot = prot;
	merge_range(rs, i, j);
}

uint64_t lfi_regions_gap(const struct lfi_regions *rs, uint64_t low,
			 uint64_t high, uint64_t len)
{
	size_t i;

	for (i = rs->n + 1; i-- > 0;) {
		uint64_t top = i == rs->n ? high : rs->v[i].start;
		uint64_t bottom = i == 0 ? low : rs->v[i - 1].end;

		if (top - bottom >= len)
			return top - len;
	}
	return 0;
}
