/* Copies between host memory and box memory that may fault (signals.h):
   the checked copy when the runtime's fault handler is in (a fault
   becomes -EFAULT, core/copy.S), otherwise process_vm_readv/writev on our
   own process, which make the kernel do the copy and report -EFAULT. */
#define _GNU_SOURCE
#include "signals.h"

#include <errno.h>
#include <sys/uio.h>
#include <unistd.h>

int lfi_box_read_checked(void *dst, uint64_t src, size_t n)
{
	struct iovec l = { dst, n }, r = { (void *)(uintptr_t)src, n };

	if (lfi_signals_copies_checked())
		return lfi_copy_checked(dst, (const void *)(uintptr_t)src, n);
	return process_vm_readv(getpid(), &l, 1, &r, 1, 0) == (ssize_t)n ? 0 : -EFAULT;
}

int lfi_box_write_checked(uint64_t dst, const void *src, size_t n)
{
	struct iovec l = { (void *)src, n }, r = { (void *)(uintptr_t)dst, n };

	if (lfi_signals_copies_checked())
		return lfi_copy_checked((void *)(uintptr_t)dst, src, n);
	return process_vm_writev(getpid(), &l, 1, &r, 1, 0) == (ssize_t)n ? 0 : -EFAULT;
}
