/* Copies between host memory and box memory. A box address that passed
   in_box() may still be unmapped or protected (the reservation), and
   another sandbox thread may unmap it at any time: a plain memcpy would
   fault in the host. With the runtime's fault handler installed,
   lfi_copy_checked (core/copy.S) turns such a fault into -EFAULT;
   otherwise process_vm_readv/writev on our own process make the kernel
   do the copy and report -EFAULT. */
#define _GNU_SOURCE
#include "sys.h"
#include "../core/signals.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static int vm_copy(void *local, uint64_t remote, size_t n, int write_)
{
	struct iovec l = { local, n }, r = { (void *)(uintptr_t)remote, n };
	ssize_t got;

	/* With the runtime's fault handler in, a plain copy whose fault
	   becomes -EFAULT (core/copy.S); a system call less per copy. */
	if (lfi_signals_copies_checked())
		return write_ ? lfi_copy_checked((void *)(uintptr_t)remote, local, n) :
				lfi_copy_checked(local, (void *)(uintptr_t)remote, n);
	got = write_ ? process_vm_writev(getpid(), &l, 1, &r, 1, 0) :
		       process_vm_readv(getpid(), &l, 1, &r, 1, 0);
	return got == (ssize_t)n ? 0 : -EFAULT;
}

int box_read(struct lfi_thread *t, void *dst, uint64_t src, size_t n)
{
	if (n == 0)
		return 0;
	if (!in_box(t, src, n))
		return -EFAULT;
	return vm_copy(dst, src, n, 0);
}

int box_write(struct lfi_thread *t, uint64_t dst, const void *src, size_t n)
{
	if (n == 0)
		return 0;
	if (!in_box(t, dst, n))
		return -EFAULT;
	return vm_copy((void *)src, dst, n, 1);
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
