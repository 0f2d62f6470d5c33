/* lfi_box_discard: madvise(MADV_DONTNEED) on data pages of a box (private
   pages read back as zeros). Never on code: verified code is immutable,
   and discarding it would read back zeros or the file, unverified. */
#include "box_internal.h"

#include <errno.h>
#include <sys/mman.h>

int lfi_box_discard(struct lfi_box *box, uint64_t addr, uint64_t len)
{
	int err = 0;

	if (!lfi_page_aligned(addr))
		return -EINVAL;
	if (!len)
		return 0;
	len = lfi_box_pages(len);
	if (!lfi_box_usable(box, addr, len))
		return -EINVAL;
	pthread_mutex_lock(&box->lock);
	if (lfi_regions_overlap(&box->regions, addr, addr + len, LFI_REGIONS_FIXED))
		err = -EACCES;
	else if (!lfi_regions_cover(&box->regions, addr, addr + len))
		err = -ENOMEM;
	else if (madvise((void *)(uintptr_t)addr, len, MADV_DONTNEED) != 0)
		err = -errno;
	pthread_mutex_unlock(&box->lock);
	return err;
}
