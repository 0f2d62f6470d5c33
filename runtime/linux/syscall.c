/* Runtime call 0: the system calls a musl program needs, each checking
   its pointers against the box before use. This first version serves
   what a single-threaded program printing to its standard streams needs;
   everything else returns -ENOSYS (logged with -V). The file-descriptor
   table, the path policy and threads are still to come: fds 0-2 are the
   host's own. */
#define _GNU_SOURCE
#include "linux.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_IOV 1024

static struct lfi_proc *proc_of(struct lfi_thread *t)
{
	return t->user;
}

/* A box range the sandbox named, as a host pointer, or NULL. */
static void *in_box(struct lfi_thread *t, uint64_t addr, uint64_t len)
{
	if (len == 0)
		len = 1;
	return lfi_box_contains(t->box, addr, len) ? (void *)(uintptr_t)addr : NULL;
}

/* Only the standard streams exist so far. */
static int host_fd(uint64_t fd)
{
	return fd <= 2 ? (int)fd : -1;
}

static long sys_read(struct lfi_thread *t, struct lfi_syscall_regs *r)
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

static long sys_write(struct lfi_thread *t, struct lfi_syscall_regs *r)
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
static long sys_rwv(struct lfi_thread *t, struct lfi_syscall_regs *r, int write_)
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

static long sys_ioctl(struct lfi_thread *t, struct lfi_syscall_regs *r)
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

static long sys_mmap(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	uint64_t addr = r->rdi, len = r->rsi;
	int prot = (int)r->rdx, flags = (int)r->r10;

	if (!(flags & MAP_ANONYMOUS))
		return -ENOSYS;	/* file mappings: with the fd table */
	if (prot & PROT_EXEC)
		return -EACCES;
	int err = lfi_box_map(t->box, &addr, len, prot,
			      flags & MAP_FIXED ? LFI_MAP_FIXED : 0);
	return err ? err : (long)addr;
}

static long sys_clock_gettime(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct timespec ts;
	struct timespec *to = in_box(t, r->rsi, sizeof ts);

	if (!to)
		return -EFAULT;
	if (clock_gettime((clockid_t)r->rdi, &ts) < 0)
		return -errno;
	memcpy(to, &ts, sizeof ts);
	return 0;
}

static long sys_getrandom(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	void *buf = in_box(t, r->rdi, r->rsi);

	if (!buf)
		return -EFAULT;
	long n = getrandom(buf, r->rsi, (unsigned)r->rdx & GRND_NONBLOCK);
	return n < 0 ? -errno : n;
}

static __attribute__((noreturn)) void sys_exit(struct lfi_thread *t, int status)
{
	struct lfi_proc *p = proc_of(t);

	p->exit_status = status & 0xff;
	p->exited = 1;
	lfi_leave(t, status & 0xff);
}

static long dispatch(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	switch (r->rax) {
	case SYS_read: return sys_read(t, r);
	case SYS_write: return sys_write(t, r);
	case SYS_readv: return sys_rwv(t, r, 0);
	case SYS_writev: return sys_rwv(t, r, 1);
	case SYS_ioctl: return sys_ioctl(t, r);
	case SYS_close: return host_fd(r->rdi) < 0 ? -EBADF : 0;	/* kept open */
	case SYS_mmap: return sys_mmap(t, r);
	case SYS_munmap: return lfi_box_unmap(t->box, r->rdi, r->rsi);
	case SYS_mprotect:
		return r->rdx & PROT_EXEC ? -EACCES :
		       lfi_box_protect(t->box, r->rdi, r->rsi, (int)r->rdx);
	case SYS_brk: return (long)lfi_box_brk(t->box, r->rdi);
	case SYS_clock_gettime: return sys_clock_gettime(t, r);
	case SYS_getrandom: return sys_getrandom(t, r);
	case SYS_getpid: return getpid();
	case SYS_gettid: return getpid();
	case SYS_set_tid_address: return getpid();	/* emulated */
	case SYS_set_robust_list: return 0;		/* emulated */
	case SYS_rt_sigprocmask: return 0;		/* no host signals */
	case SYS_rt_sigaction: return 0;		/* emulated, for now ignored */
	case SYS_sched_yield: return 0;
	case SYS_exit:
	case SYS_exit_group: sys_exit(t, (int)r->rdi);
	}
	return -ENOSYS;
}

long lfi_linux_syscall(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	long ret = dispatch(t, r);
	struct lfi_proc *p = proc_of(t);

	if (p->verbose)
		fprintf(stderr, "[%s] syscall %llu (0x%llx, 0x%llx, 0x%llx) = %ld\n",
			p->name, (unsigned long long)r->rax,
			(unsigned long long)r->rdi, (unsigned long long)r->rsi,
			(unsigned long long)r->rdx, ret);
	return ret;
}
