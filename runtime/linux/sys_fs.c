/* System calls on paths, under the path policy (path.c): every path is
   copied out of the box once (box_read_path) and resolved by the
   runtime; the host call then names only the last component relative to
   a host directory fd, never following a symlink. Read-only mappings
   refuse every change with -EROFS before the host is asked. */
#define _GNU_SOURCE
#include "files.h"
#include "sys.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The path at `upath` (into path) and the canonical box directory it is
   relative to (into base; *basep NULL for the working directory). */
static int at(struct lfi_thread *t, int dirfd, uint64_t upath, char *path,
	      char *base, const char **basep)
{
	struct lfi_file *f;
	struct stat st;
	int err = box_read_path(t, path, upath);

	*basep = NULL;
	if (err || path[0] == '/' || dirfd == AT_FDCWD)
		return err;
	if (!(f = fd_get(fds_of(t), (uint64_t)(int64_t)dirfd)))
		return -EBADF;
	if (f->path[0] != '/' || fstat(f->host, &st) < 0 || !S_ISDIR(st.st_mode))
		err = -ENOTDIR;
	else {
		strcpy(base, f->path);
		*basep = base;
	}
	file_put(f);
	return err;
}

/* at() + fs_resolve() */
static int resolve_at(struct lfi_thread *t, int dirfd, uint64_t upath,
		      int follow, struct lfi_where *w)
{
	char path[PATH_MAX], base[PATH_MAX];
	const char *b;
	int err = at(t, dirfd, upath, path, base, &b);

	return err ? err : fs_resolve(fs_of(t), b, path, follow, w);
}

long sys_openat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	char path[PATH_MAX], base[PATH_MAX];
	const char *b;
	int flags = (int)r->rdx, err = at(t, (int)r->rdi, r->rsi, path, base, &b);
	struct lfi_file *f;

	if (err)
		return err;
	if (!(f = fs_open(fs_of(t), b, path, flags, (mode_t)r->r10, &err)))
		return err;
	return fd_install(fds_of(t), f, 0, flags & O_CLOEXEC);
}

/* The box's root and the parents of mapping points: directories with
   nothing behind them, readable and searchable, never writable. */
static void virtual_stat(struct stat *st)
{
	memset(st, 0, sizeof *st);
	st->st_mode = S_IFDIR | 0555;
	st->st_nlink = 2;
	st->st_blksize = 4096;
}

long sys_newfstatat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int dirfd = (int)r->rdi, flags = (int)r->r10, err;
	struct lfi_where w;
	struct stat st;
	char empty;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	if ((flags & AT_EMPTY_PATH) && dirfd != AT_FDCWD &&
	    box_read(t, &empty, r->rsi, 1) == 0 && !empty) {
		struct lfi_syscall_regs a = { .rdi = (uint64_t)dirfd, .rsi = r->rdx };
		return sys_fstat(t, &a);
	}
	if ((err = resolve_at(t, dirfd, r->rsi, !(flags & AT_SYMLINK_NOFOLLOW), &w)))
		return err;
	if (w.mem)
		err = memfile_stat(w.mem, &st);
	else if (w.dirfd < 0)
		virtual_stat(&st);
	else if (fstatat(w.dirfd, w.name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		err = -errno;
	where_release(&w);
	return err ? err : box_write(t, r->rdx, &st, sizeof st);
}

long sys_statx(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int dirfd = (int)r->rdi, flags = (int)r->rdx, err;
	unsigned mask = (unsigned)r->r10;
	struct lfi_where w;
	struct statx stx;
	char empty;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	flags &= AT_STATX_SYNC_TYPE;
	if ((int)r->rdx & AT_EMPTY_PATH && dirfd != AT_FDCWD &&
	    box_read(t, &empty, r->rsi, 1) == 0 && !empty) {
		struct lfi_file *f = fd_get(fds_of(t), (uint64_t)(int64_t)dirfd);
		if (!f)
			return -EBADF;
		err = statx(f->host, "", flags | AT_EMPTY_PATH, mask, &stx) < 0 ? -errno : 0;
		file_put(f);
		return err ? err : box_write(t, r->r8, &stx, sizeof stx);
	}
	if ((err = resolve_at(t, dirfd, r->rsi, !((int)r->rdx & AT_SYMLINK_NOFOLLOW), &w)))
		return err;
	if (w.mem)
		err = memfile_statx(w.mem, flags, mask, &stx);
	else if (w.dirfd < 0) {
		memset(&stx, 0, sizeof stx);
		stx.stx_mask = STATX_TYPE | STATX_MODE | STATX_NLINK;
		stx.stx_mode = S_IFDIR | 0555;
		stx.stx_nlink = 2;
		stx.stx_blksize = 4096;
	} else if (statx(w.dirfd, w.name, flags | AT_SYMLINK_NOFOLLOW, mask, &stx) < 0)
		err = -errno;
	where_release(&w);
	return err ? err : box_write(t, r->r8, &stx, sizeof stx);
}

long sys_getcwd(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	char cwd[PATH_MAX];
	int n = fs_getcwd(fs_of(t), cwd, sizeof cwd), err;

	if (n < 0)
		return n;
	if ((uint64_t)n > r->rsi)
		return -ERANGE;
	return (err = box_write(t, r->rdi, cwd, n)) ? err : n;
}

long sys_chdir(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	char path[PATH_MAX];
	int err = box_read_path(t, path, r->rdi);

	return err ? err : fs_chdir(fs_of(t), NULL, path);
}

long sys_umask(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return fs_umask(fs_of(t), (mode_t)r->rdi);
}

/* A change of `w`'s last component: not a mapping point or virtual
   directory (-EBUSY), not through a read-only mapping (-EROFS). */
static int changeable(const struct lfi_where *w)
{
	if (w->dirfd < 0 || !strcmp(w->name, "."))
		return -EBUSY;
	return w->mnt->ro ? -EROFS : 0;
}

/* Gives the new directory exactly mode & ~umask: the host process's
   umask applied too. chmod goes through /proc/self/fd of an O_PATH fd
   so that it cannot follow a symlink put there meanwhile. */
static void exact_mode(int dirfd, const char *name, mode_t mode)
{
	char proc[64];
	int fd = openat(dirfd, name, O_PATH | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return;
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (chmod(proc, mode) < 0) {
		/* no /proc: the host's umask stays applied */
	}
	close(fd);
}

long sys_mkdirat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_where w;
	mode_t mode;
	int err = resolve_at(t, (int)r->rdi, r->rsi, 0, &w);

	if (err)
		return err;
	if ((err = changeable(&w)) == -EBUSY)
		err = -EEXIST;
	if (!err) {
		mode = (mode_t)r->rdx & 07777 & ~fs_umask_get(fs_of(t));
		if (mkdirat(w.dirfd, w.name, mode) < 0)
			err = -errno;
		else
			exact_mode(w.dirfd, w.name, mode);
	}
	where_release(&w);
	return err;
}

long sys_unlinkat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_where w;
	int flags = (int)r->rdx, err;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	if ((err = resolve_at(t, (int)r->rdi, r->rsi, 0, &w)))
		return err;
	if (!(err = changeable(&w)) && unlinkat(w.dirfd, w.name, flags) < 0)
		err = -errno;
	where_release(&w);
	return err;
}

long sys_renameat2(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_where from, to;
	int err;

	if (r->r8)
		return -EINVAL;	/* RENAME_NOREPLACE, _EXCHANGE, _WHITEOUT */
	if ((err = resolve_at(t, (int)r->rdi, r->rsi, 0, &from)))
		return err;
	if ((err = resolve_at(t, (int)r->rdx, r->r10, 0, &to))) {
		where_release(&from);
		return err;
	}
	if (!(err = changeable(&from)) && !(err = changeable(&to)) &&
	    renameat(from.dirfd, from.name, to.dirfd, to.name) < 0)
		err = -errno;
	where_release(&from);
	where_release(&to);
	return err;
}

long sys_renameat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = *r;

	a.r8 = 0;
	return sys_renameat2(t, &a);
}

long sys_readlinkat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	char target[PATH_MAX];
	size_t size = r->r10 < sizeof target ? r->r10 : sizeof target;
	struct lfi_where w;
	ssize_t n;
	int err;

	if ((int64_t)r->r10 <= 0)
		return -EINVAL;
	if ((err = resolve_at(t, (int)r->rdi, r->rsi, 0, &w)))
		return err;
	if (w.dirfd < 0 || !strcmp(w.name, "."))
		n = -EINVAL;
	else if ((n = readlinkat(w.dirfd, w.name, target, size)) < 0)
		n = -errno;
	where_release(&w);
	if (n >= 0 && (err = box_write(t, r->rdx, target, n)))
		return err;
	return n;
}

long sys_faccessat2(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	int mode = (int)r->rdx, flags = (int)r->r10, err;
	struct lfi_where w;

	if ((mode & ~(R_OK | W_OK | X_OK)) || (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW)))
		return -EINVAL;
	if ((err = resolve_at(t, (int)r->rdi, r->rsi, !(flags & AT_SYMLINK_NOFOLLOW), &w)))
		return err;
	if (w.dirfd < 0)
		err = mode & W_OK ? -EROFS : 0;
	else if (syscall(SYS_faccessat2, w.dirfd, w.name, mode,
			 (flags & AT_EACCESS) | AT_SYMLINK_NOFOLLOW) < 0)
		err = -errno;
	else if ((mode & W_OK) && w.mnt->ro)
		err = -EROFS;
	where_release(&w);
	return err;
}

long sys_faccessat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = *r;

	a.r10 = 0;
	return sys_faccessat2(t, &a);
}
