/* Reading and writing through the box's file descriptors (files.h).
   Buffers are checked against the box and handed to the kernel, which
   fails with -EFAULT on unmapped pages; iovecs and ioctl results are
   copied between box and host once. */
#define _GNU_SOURCE
#include "files.h"
#include "sys.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#define MAX_IOV 1024
/* the kernel's struct termios (asm/termbits.h): 4 flags, c_line, 19 c_cc;
   glibc's is larger, and the rest of it must not reach the box */
#define KERNEL_TERMIOS_SIZE 36

static long rw(struct lfi_thread *t, struct lfi_syscall_regs *r, int write_)
{
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);
	void *buf = in_box(t, r->rsi, r->rdx);
	long n;

	if (!f)
		return -EBADF;
	if (!buf)
		n = -EFAULT;
	else if ((n = write_ ? write(f->host, buf, r->rdx) :
			       read(f->host, buf, r->rdx)) < 0)
		n = -errno;
	file_put(f);
	return n;
}

long sys_read(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return rw(t, r, 0);
}

long sys_write(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return rw(t, r, 1);
}

/* readv/writev: the iovecs are copied out of the box once, then each is
   checked; another sandbox thread cannot change them in between. */
static long rw_vector(struct lfi_thread *t, struct lfi_syscall_regs *r, int write_)
{
	uint64_t cnt = r->rdx;
	struct iovec iov[MAX_IOV];
	struct lfi_file *f;
	long n;

	if (cnt > MAX_IOV)
		return -EINVAL;
	if ((n = box_read(t, iov, r->rsi, cnt * sizeof *iov)))
		return n;
	for (uint64_t i = 0; i < cnt; i++)
		if (iov[i].iov_len && !in_box(t, (uint64_t)(uintptr_t)iov[i].iov_base,
					      iov[i].iov_len))
			return -EFAULT;
	if (!(f = fd_get(fds_of(t), r->rdi)))
		return -EBADF;
	n = write_ ? writev(f->host, iov, (int)cnt) : readv(f->host, iov, (int)cnt);
	file_put(f);
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
	size_t size = r->rsi == TIOCGWINSZ ? sizeof(struct winsize) :
		      r->rsi == TCGETS ? KERNEL_TERMIOS_SIZE : 0;
	char copy[sizeof(struct termios) + sizeof(struct winsize)] = { 0 };
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);
	long err;

	if (!f)
		return -EBADF;
	if (!size)
		err = -ENOTTY;
	else if (!in_box(t, r->rdx, size))
		err = -EFAULT;
	else
		err = ioctl(f->host, r->rsi, copy) < 0 ? -errno : 0;
	file_put(f);
	return err ? err : box_write(t, r->rdx, copy, size);
}

long sys_close(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return fd_close(fds_of(t), r->rdi);
}
