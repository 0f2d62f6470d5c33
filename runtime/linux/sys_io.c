/* Reading and writing: the standard streams for now. Buffers are
   checked against the box; iovecs are copied out of it once. */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#define MAX_IOV 1024

long sys_read(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int fd = host_fd(r->rdi);
	void *buf = in_box(t, r->rsi, r->rdx);

	if (fd < 0)
		return -EBADF;
	if (!buf)
		return -EFAULT;
	long n = read(fd, buf, r->rdx);
	return n < 0 ? -errno : n;
}

long sys_write(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int fd = host_fd(r->rdi);
	const void *buf = in_box(t, r->rsi, r->rdx);

	if (fd < 0)
		return -EBADF;
	if (!buf)
		return -EFAULT;
	long n = write(fd, buf, r->rdx);
	return n < 0 ? -errno : n;
}

/* readv/writev: the iovecs are copied out of the box once, then each is
   checked; another sandbox thread cannot change them in between. */
static long rw_vector(struct lfi_thread *t, struct lfi_syscall_regs *r, int write_)
{
	int fd = host_fd(r->rdi);
	uint64_t cnt = r->rdx;
	const struct iovec *src = in_box(t, r->rsi, cnt * sizeof *src);
	struct iovec iov[MAX_IOV];

	if (fd < 0)
		return -EBADF;
	if (cnt > MAX_IOV)
		return -EINVAL;
	if (cnt && !src)
		return -EFAULT;
	memcpy(iov, src, cnt * sizeof *iov);
	for (uint64_t i = 0; i < cnt; i++)
		if (iov[i].iov_len && !in_box(t, (uint64_t)(uintptr_t)iov[i].iov_base,
					      iov[i].iov_len))
			return -EFAULT;
	long n = write_ ? writev(fd, iov, (int)cnt) : readv(fd, iov, (int)cnt);
	return n < 0 ? -errno : n;
}

long sys_readv(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return rw_vector(t, r, 0);
}

long sys_writev(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return rw_vector(t, r, 1);
}

long sys_ioctl(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int fd = host_fd(r->rdi);
	size_t size = r->rsi == TIOCGWINSZ ? sizeof(struct winsize) :
		      r->rsi == TCGETS ? sizeof(struct termios) : 0;
	void *arg = in_box(t, r->rdx, size);
	char copy[sizeof(struct termios) + sizeof(struct winsize)];

	if (fd < 0)
		return -EBADF;
	if (!size)
		return -ENOTTY;
	if (!arg)
		return -EFAULT;
	if (ioctl(fd, r->rsi, copy) < 0)
		return -errno;
	memcpy(arg, copy, size);
	return 0;
}

long sys_close(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return host_fd(r->rdi) < 0 ? -EBADF : 0;	/* the streams stay open */
}
