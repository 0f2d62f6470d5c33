/* System calls on file descriptors (not paths): positioned I/O, seek,
   fstat, directory entries, fcntl, dup, pipes, truncate, sync. Each
   takes a reference to the sandbox fd's file for as long as it uses the
   host fd (files.h). Buffers the kernel fills are checked with in_box
   and handed to the kernel, which reports -EFAULT for unmapped pages. */
#define _GNU_SOURCE
#include "files.h"
#include "sys.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static long pio(struct lfi_thread *t, struct lfi_syscall_regs *r, int write_)
{
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);
	void *buf = in_box(t, r->rsi, r->rdx);
	long n;

	if (!f)
		return -EBADF;
	if (!buf)
		n = -EFAULT;
	else if ((n = write_ ? pwrite(f->host, buf, r->rdx, (off_t)r->r10) :
			       pread(f->host, buf, r->rdx, (off_t)r->r10)) < 0)
		n = -errno;
	file_put(f);
	return n;
}

long sys_pread64(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return pio(t, r, 0);
}

long sys_pwrite64(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return pio(t, r, 1);
}

long sys_lseek(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);
	off_t off;

	if (!f)
		return -EBADF;
	off = lseek(f->host, (off_t)r->rsi, (int)r->rdx);
	file_put(f);
	return off < 0 ? -errno : off;
}

long sys_fstat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);
	struct stat st;
	int err;

	if (!f)
		return -EBADF;
	err = fstat(f->host, &st) < 0 ? -errno : 0;
	file_put(f);
	return err ? err : box_write(t, r->rsi, &st, sizeof st);
}

long sys_getdents64(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);
	long n;

	if (!f)
		return -EBADF;
	if (!in_box(t, r->rsi, r->rdx))
		n = -EFAULT;
	else if ((n = syscall(SYS_getdents64, f->host, (void *)(uintptr_t)r->rsi,
			      (size_t)r->rdx)) < 0)
		n = -errno;
	file_put(f);
	return n;
}

/*
 * Record locks are emulated, not passed to the host: POSIX locks never
 * conflict between fds of one process, so for a program alone in its
 * box F_SETLK/F_SETLKW always succeed and F_GETLK always finds the range
 * unlocked. Passing them on would let the sandbox drop locks the host
 * application holds on the same file (closing any fd releases them all)
 * and block host threads. What is lost: exclusion against other host
 * processes (README).
 */
static long fcntl_lock(struct lfi_thread *t, int cmd, uint64_t arg)
{
	struct flock fl;
	int err = box_read(t, &fl, arg, sizeof fl);

	if (err)
		return err;
	if (fl.l_type != F_RDLCK && fl.l_type != F_WRLCK && fl.l_type != F_UNLCK)
		return -EINVAL;
	if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
		fl.l_type = F_UNLCK;
		return box_write(t, arg, &fl, sizeof fl);
	}
	return 0;
}

long sys_fcntl(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_fds *fds = fds_of(t);
	int cmd = (int)r->rsi;
	struct lfi_file *f = fd_get(fds, r->rdi);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (r->rdx >= LFI_MAX_FDS)
			ret = -EINVAL;
		else
			return fd_install(fds, f, (int)r->rdx, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		ret = fd_get_cloexec(fds, r->rdi);
		break;
	case F_SETFD:
		ret = fd_set_cloexec(fds, r->rdi, r->rdx & FD_CLOEXEC);
		break;
	case F_GETFL:
		ret = fcntl(f->host, F_GETFL);
		ret = ret < 0 ? -errno : ret;
		break;
	case F_SETFL:	/* only what Linux lets change and a box may want */
		ret = fcntl(f->host, F_SETFL,
			    (int)r->rdx & (O_APPEND | O_NONBLOCK)) < 0 ? -errno : 0;
		break;
	case F_GETLK: case F_SETLK: case F_SETLKW:
	case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
		ret = fcntl_lock(t, cmd, r->rdx);
		break;
	default:
		ret = -EINVAL;
	}
	file_put(f);
	return ret;
}

/* dup shares the file (and so the host fd and its offset), as Linux
   shares the open file description. */
long sys_dup(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);

	return f ? fd_install(fds_of(t), f, 0, 0) : -EBADF;
}

long sys_dup3(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_file *f;

	if (r->rdx & ~(uint64_t)O_CLOEXEC || r->rdi == r->rsi)
		return -EINVAL;
	if (!(f = fd_get(fds_of(t), r->rdi)))
		return -EBADF;
	return fd_install_at(fds_of(t), f, r->rsi, r->rdx & O_CLOEXEC);
}

long sys_dup2(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_file *f;

	if (r->rdi != r->rsi) {
		struct lfi_syscall_regs a = { .rdi = r->rdi, .rsi = r->rsi };
		return sys_dup3(t, &a);
	}
	if (!(f = fd_get(fds_of(t), r->rdi)))
		return -EBADF;
	file_put(f);
	return (long)r->rdi;
}

long sys_pipe2(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_fds *fds = fds_of(t);
	int host[2], fd[2] = { -1, -1 }, cloexec = r->rsi & O_CLOEXEC;
	struct lfi_file *rd, *wr;

	if (r->rsi & ~(uint64_t)(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	if (!in_box(t, r->rdi, sizeof fd))
		return -EFAULT;
	if (pipe2(host, O_CLOEXEC | (r->rsi & O_NONBLOCK)) < 0)
		return -errno;
	rd = file_new(host[0], "", 0);
	wr = file_new(host[1], "", 0);
	if (!rd || !wr) {
		file_put(rd);
		file_put(wr);
		return -ENOMEM;
	}
	if ((fd[0] = fd_install(fds, rd, 0, cloexec)) < 0) {
		file_put(wr);
		return fd[0];
	}
	if ((fd[1] = fd_install(fds, wr, 0, cloexec)) < 0) {
		fd_close(fds, fd[0]);
		return fd[1];
	}
	int err = box_write(t, r->rdi, fd, sizeof fd);
	if (err) {
		fd_close(fds, fd[0]);
		fd_close(fds, fd[1]);
	}
	return err;
}

long sys_pipe(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = r->rdi };

	return sys_pipe2(t, &a);
}

long sys_ftruncate(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_file *f = fd_get(fds_of(t), r->rdi);
	int err;

	if (!f)
		return -EBADF;
	err = ftruncate(f->host, (off_t)r->rsi) < 0 ? -errno : 0;	/* ro: a read-only host fd */
	file_put(f);
	return err;
}

static long sync_fd(struct lfi_thread *t, uint64_t fd, int (*sync)(int))
{
	struct lfi_file *f = fd_get(fds_of(t), fd);
	int err;

	if (!f)
		return -EBADF;
	err = sync(f->host) < 0 ? -errno : 0;
	file_put(f);
	return err;
}

long sys_fsync(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return sync_fd(t, r->rdi, fsync);
}

long sys_fdatasync(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return sync_fd(t, r->rdi, fdatasync);
}
