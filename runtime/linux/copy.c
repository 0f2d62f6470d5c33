/* Copies between host memory and box memory. A box address that passed
   in_box() may still be unmapped or protected (the reservation), and
   another sandbox thread may unmap it at any time: a plain memcpy would
   fault in the host, so the core's checked copies do it (boxcopy.c). */
#define _GNU_SOURCE
#include "sys.h"
#include "../core/signals.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

int box_read(struct lfi_thread *t, void *dst, uint64_t src, size_t n)
{
	if (n == 0)
		return 0;
	if (!in_box(t, src, n))
		return -EFAULT;
	return lfi_box_read_checked(dst, src, n);
}

int box_write(struct lfi_thread *t, uint64_t dst, const void *src, size_t n)
{
	if (n == 0)
		return 0;
	if (!in_box(t, dst, n))
		return -EFAULT;
	return lfi_box_write_checked(dst, src, n);
}

/* Page by page, so that a path ending just before an unmapped page is
   read without touching that page. */
int box_read_path(struct lfi_thread *t, char *dst, uint64_t src)
{
	size_t got = 0;

	while (got < PATH_MAX) {
		uint64_t at = src + got;
		size_t chunk = LFI_PAGE_SIZE - (at & (LFI_PAGE_SIZE - 1));
		int err;

		if (chunk > PATH_MAX - got)
			chunk = PATH_MAX - got;
		if ((err = box_read(t, dst + got, at, chunk)))
			return err;
		if (memchr(dst + got, '\0', chunk))
			return 0;
		got += chunk;
	}
	return -ENAMETOOLONG;
}
