/*
 * The path policy (files.h): deny by default; the box sees only the host
 * directories mapped in with lfi_fs_map(), at their box paths, read-only
 * or read-write; a working directory and umask of its own.
 *
 * Resolution is done here, one component at a time, and never by the
 * kernel: each step is openat(dir, name, O_PATH | O_NOFOLLOW) on a
 * single name (never "..", never containing '/'), so the kernel cannot
 * leave the directory it starts from. A symlink is read with readlinkat
 * and its text spliced into the rest of the path, which is then resolved
 * in the box's name space (an absolute target starts again at the box's
 * root, not the host's); at most MAX_LINKS of them. ".." drops the last
 * component of the canonical box path reached so far and walks that
 * path again from the root. Magic links (/proc/self/fd/N, ...) are
 * therefore plain text too, and procfs cannot be mapped at all.
 *
 * Why not openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS) relative to
 * the mapped directory? It confines a path to one mapping, so a symlink
 * from /data to /lib/x, an absolute symlink, or "/data/../lib" inside
 * the box would fail with EXDEV instead of meaning what they mean in the
 * box, and ".." would still need the box's own name space to cross
 * mapping points. Walking ourselves gives one rule for all of them.
 */
#define _GNU_SOURCE
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#define MAX_LINKS 40		/* as Linux */
#define MAX_MOUNTS 256		/* directories and memory files */

struct lfi_fs {
	struct lfi_mount mount[MAX_MOUNTS];
	int nmount;
	pthread_mutex_t lock;	/* cwd and umask */
	char cwd[PATH_MAX];
	mode_t umask;
};

struct lfi_fs *lfi_fs_new(void)
{
	struct lfi_fs *fs = calloc(1, sizeof *fs);

	if (!fs)
		return NULL;
	pthread_mutex_init(&fs->lock, NULL);
	strcpy(fs->cwd, "/");
	fs->umask = 022;
	return fs;
}

void lfi_fs_free(struct lfi_fs *fs)
{
	if (!fs)
		return;
	for (int i = 0; i < fs->nmount; i++) {
		if (fs->mount[i].fd >= 0)
			close(fs->mount[i].fd);
		memfile_put(fs->mount[i].mem);
		free(fs->mount[i].box);
	}
	pthread_mutex_destroy(&fs->lock);
	free(fs);
}

/* `path` made canonical in `out` without following anything: absolute,
   no "." and no empty components, no trailing '/'. ".." is refused
   (-EINVAL): a mapping point is named plainly. */
int fs_canonical(const char *path, char *out, size_t size)
{
	size_t n = 0;

	if (path[0] != '/')
		return -EINVAL;
	for (const char *p = path; *p;) {
		const char *end = strchrnul(p, '/');
		size_t len = end - p;
		if ((len == 2 && !memcmp(p, "..", 2)))
			return -EINVAL;
		if (len && !(len == 1 && *p == '.')) {
			if (n + 1 + len + 1 > size)
				return -ENAMETOOLONG;
			out[n++] = '/';
			memcpy(out + n, p, len);
			n += len;
		}
		p = *end ? end + 1 : end;
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	return 0;
}

static const struct lfi_mount *mount_at(const struct lfi_fs *fs, const char *canon)
{
	for (int i = 0; i < fs->nmount; i++)
		if (!strcmp(fs->mount[i].box, canon))
			return &fs->mount[i];
	return NULL;
}

int fs_add_mount(struct lfi_fs *fs, const struct lfi_mount *m)
{
	if (mount_at(fs, m->box))
		return -EEXIST;
	if (fs->nmount == MAX_MOUNTS)
		return -ENOSPC;
	fs->mount[fs->nmount++] = *m;
	return 0;
}

struct lfi_memfile *fs_find_memfile(const struct lfi_fs *fs,
				    const uint8_t *bytes, size_t size)
{
	for (int i = 0; i < fs->nmount; i++)
		if (fs->mount[i].mem && memfile_holds(fs->mount[i].mem, bytes, size))
			return fs->mount[i].mem;
	return NULL;
}

int lfi_fs_map(struct lfi_fs *fs, const char *box_path, const char *host_path,
	       int ro)
{
	char box[PATH_MAX];
	struct statfs sfs;
	struct lfi_mount m = { .ro = !!ro };
	int err = fs_canonical(box_path, box, sizeof box);

	if (err)
		return err;
	if (mount_at(fs, box))
		return -EEXIST;
	m.fd = open(host_path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (m.fd < 0)
		return -errno;
	/* /proc/self/mem, /proc/self/fd, ...: never reachable */
	if (fstatfs(m.fd, &sfs) < 0 || sfs.f_type == PROC_SUPER_MAGIC)
		err = -EPERM;
	else if (!(m.box = strdup(box)))
		err = -ENOMEM;
	else
		err = fs_add_mount(fs, &m);
	if (err) {
		close(m.fd);
		free(m.box);
	}
	return err;
}

int lfi_fs_has_map(const struct lfi_fs *fs, const char *box_path)
{
	char box[PATH_MAX];

	if (fs_canonical(box_path, box, sizeof box))
		return 0;
	for (int i = 0; i < fs->nmount; i++)
		if (!strcmp(fs->mount[i].box, box))
			return 1;
	return 0;
}

/* True when a mapping point lies below `canon` (a virtual directory). */
static int mount_below(const struct lfi_fs *fs, const char *canon)
{
	size_t n = strlen(canon);

	if (!strcmp(canon, "/"))
		return 1;
	for (int i = 0; i < fs->nmount; i++)
		if (!strncmp(fs->mount[i].box, canon, n) && fs->mount[i].box[n] == '/')
			return 1;
	return 0;
}

/* `a` + "/" + `b` into out (a is canonical, so "/" + b for the root). */
static int join(char *out, size_t size, const char *a, const char *b)
{
	int n = !strcmp(a, "/") ? snprintf(out, size, "/%s", b) :
				  snprintf(out, size, "%s/%s", a, b);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static void parent(char *canon)
{
	char *slash = strrchr(canon, '/');

	if (slash == canon)
		canon[1] = '\0';
	else if (slash)
		*slash = '\0';
}

/* The walk's position: a canonical box path and the host directory
   behind it (fd -1: virtual). */
struct walk {
	int fd, owned;
	const struct lfi_mount *mnt;
	char canon[PATH_MAX];
};

static void walk_move(struct walk *w, int fd, int owned, const struct lfi_mount *m)
{
	if (w->owned)
		close(w->fd);
	w->fd = fd;
	w->owned = owned;
	w->mnt = m;
}

static void walk_root(const struct lfi_fs *fs, struct walk *w)
{
	const struct lfi_mount *m = mount_at(fs, "/");

	walk_move(w, m ? m->fd : -1, 0, m);
	strcpy(w->canon, "/");
}

/* work := head + "/" + rest (rest may point into work). */
static int splice_path(char *work, const char *head, const char *rest)
{
	char tmp[PATH_MAX];
	int n = snprintf(tmp, sizeof tmp, "%s/%s", head, rest);

	if (n < 0 || (size_t)n >= sizeof tmp)
		return -ENAMETOOLONG;
	memcpy(work, tmp, n + 1);
	return 0;
}

static int result(struct walk *w, const char *name, struct lfi_where *out)
{
	int err = strcmp(name, ".") ? join(out->path, sizeof out->path, w->canon, name) :
		  (strcpy(out->path, w->canon), 0);

	if (err)
		return err;
	out->dirfd = w->fd;
	out->owned = w->owned;
	out->mnt = w->mnt;
	out->mem = NULL;
	strcpy(out->name, name);
	w->owned = 0;
	return 0;
}

/* The walk stands on a memory file (its whole path is w->canon). */
static int file_result(struct walk *w, struct lfi_where *out)
{
	strcpy(out->path, w->canon);
	strcpy(out->name, ".");
	out->dirfd = -1;
	out->owned = 0;
	out->mnt = w->mnt;
	out->mem = w->mnt->mem;
	return 0;
}

/* One step from w into `name` (not "." or ".."). Returns 1 when the
   walk moved, 0 when `name` ends the path (result set), 2 when `name`
   was a symlink and `work` now holds the rest, or -errno. */
static int step(const struct lfi_fs *fs, struct walk *w, const char *name,
		int last, int follow, char *work, const char *rest, int *links,
		struct lfi_where *out)
{
	char next[PATH_MAX], target[PATH_MAX];
	const struct lfi_mount *m;
	struct stat st;
	int fd, err;
	ssize_t n;

	if ((err = join(next, sizeof next, w->canon, name)))
		return err;
	if ((m = mount_at(fs, next)) && m->mem) {
		if (!last)
			return -ENOTDIR;
		walk_move(w, -1, 0, m);
		strcpy(w->canon, next);
		return file_result(w, out);
	}
	if (m) {
		walk_move(w, m->fd, 0, m);
		strcpy(w->canon, next);
		return 1;
	}
	if (w->fd < 0) {
		if (!mount_below(fs, next))
			return -ENOENT;
		strcpy(w->canon, next);
		return 1;
	}
	if (last && !follow)
		return result(w, name, out);
	fd = openat(w->fd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return last && errno == ENOENT ? result(w, name, out) : -errno;
	if (fstat(fd, &st) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	if (S_ISLNK(st.st_mode)) {
		n = readlinkat(fd, "", target, sizeof target - 1);
		err = n < 0 ? -errno : n == 0 ? -ENOENT : 0;
		close(fd);
		if (err)
			return err;
		if (++*links > MAX_LINKS)
			return -ELOOP;
		target[n] = '\0';
		if ((err = splice_path(work, target, rest)))
			return err;
		if (target[0] == '/')
			walk_root(fs, w);
		return 2;
	}
	if (last) {
		close(fd);
		return result(w, name, out);
	}
	if (!S_ISDIR(st.st_mode)) {
		close(fd);
		return -ENOTDIR;
	}
	walk_move(w, fd, 1, w->mnt);
	strcpy(w->canon, next);
	return 1;
}

static int start(struct lfi_fs *fs, const char *base, const char *path,
		 char *work)
{
	char cwd[PATH_MAX];
	int n;

	if (!*path)
		return -ENOENT;
	if (path[0] == '/') {
		n = snprintf(work, PATH_MAX, "%s", path);
	} else {
		if (!base) {
			pthread_mutex_lock(&fs->lock);
			strcpy(cwd, fs->cwd);
			pthread_mutex_unlock(&fs->lock);
			base = cwd;
		}
		n = snprintf(work, PATH_MAX, "%s/%s", base, path);
	}
	return n < 0 || n >= PATH_MAX ? -ENAMETOOLONG : 0;
}

int fs_resolve(struct lfi_fs *fs, const char *base, const char *path,
	       int follow, struct lfi_where *out)
{
	char work[PATH_MAX], name[NAME_MAX + 1];
	struct walk w = { .fd = -1 };
	int links = 0, err;
	char *p = work;

	if ((err = start(fs, base, path, work)))
		return err;
	walk_root(fs, &w);
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p) {
			err = result(&w, ".", out);
			break;
		}
		char *end = strchrnul(p, '/'), *rest = end;
		size_t len = end - p;
		while (*rest == '/')
			rest++;
		if (len > NAME_MAX) {
			err = -ENAMETOOLONG;
			break;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		if (!strcmp(name, ".")) {
			p = rest;
			continue;
		}
		if (!strcmp(name, "..")) {
			char up[PATH_MAX];
			strcpy(up, w.canon);
			parent(up);
			if ((err = splice_path(work, up, rest)))
				break;
			walk_root(fs, &w);
			p = work;
			continue;
		}
		/* "name/" is followed even as the last component */
		err = step(fs, &w, name, !*rest, follow || *end == '/', work, rest,
			   &links, out);
		if (err < 0 || err == 0)
			break;
		p = err == 2 ? work : rest;
	}
	if (w.owned)
		close(w.fd);
	return err;
}

void where_release(struct lfi_where *w)
{
	if (w->owned && w->dirfd >= 0)
		close(w->dirfd);
	w->owned = 0;
	w->dirfd = -1;
}

mode_t fs_umask(struct lfi_fs *fs, mode_t mask)
{
	mode_t old;

	pthread_mutex_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	pthread_mutex_unlock(&fs->lock);
	return old;
}

mode_t fs_umask_get(struct lfi_fs *fs)
{
	mode_t m;

	pthread_mutex_lock(&fs->lock);
	m = fs->umask;
	pthread_mutex_unlock(&fs->lock);
	return m;
}

/* Creates `name` exclusively or opens it as it is; a file made here gets
   exactly mode & ~umask (the host process's umask must not count). */
static int open_create(struct lfi_fs *fs, struct lfi_where *w, int flags,
		       mode_t mode)
{
	mode_t want = mode & 07777 & ~fs_umask_get(fs);

	for (int tries = 0; tries < 16; tries++) {
		int fd = openat(w->dirfd, w->name, flags | O_EXCL, want);
		if (fd >= 0) {
			if (fchmod(fd, want) < 0) {
				int err = -errno;
				close(fd);
				unlinkat(w->dirfd, w->name, 0);
				return err;
			}
			return fd;
		}
		if (errno != EEXIST || (flags & O_EXCL))
			return -errno;
		fd = openat(w->dirfd, w->name, flags & ~O_CREAT);
		if (fd >= 0 || errno != ENOENT)
			return fd >= 0 ? fd : -errno;
		/* removed in between: create again */
	}
	return -EAGAIN;
}

/* the kernel's O_LARGEFILE, which musl sets (glibc's is 0 on x86-64) */
#define KERNEL_O_LARGEFILE 0100000
#define OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | \
		    O_APPEND | O_NONBLOCK | O_DSYNC | O_SYNC | O_DIRECTORY | \
		    O_NOFOLLOW | O_CLOEXEC | KERNEL_O_LARGEFILE | O_PATH | O_NOATIME)

/* A memory file is an existing read-only regular file: like one in a
   read-only mapping. */
static int open_memfile(const struct lfi_memfile *m, int flags, int writes)
{
	if (writes)
		return -EROFS;
	if (flags & O_DIRECTORY)
		return -ENOTDIR;
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	return memfile_open(m, flags);
}

struct lfi_file *fs_open(struct lfi_fs *fs, const char *base, const char *path,
			 int flags, mode_t mode, int *err)
{
	int acc = flags & O_ACCMODE, create = flags & O_CREAT;
	int writes = acc != O_RDONLY || (flags & O_TRUNC);

	/* The kernel ignores O_CREAT/O_EXCL with O_PATH: an "exclusive
	   create" would then take an existing file for a new one (and the
	   cleanup of a failed create would unlink it). Linux creates nothing
	   for O_PATH; neither does the box. */
	if (flags & O_PATH) {
		flags &= ~(O_CREAT | O_EXCL | O_TRUNC);
		create = 0;
		writes = 0;
	}
	int follow = !(flags & O_NOFOLLOW) && !(create && (flags & O_EXCL));
	int hflags = (flags & ~O_CLOEXEC) | O_CLOEXEC | O_NOFOLLOW, fd;
	struct lfi_where w;

	if ((flags & ~OPEN_FLAGS) || acc == O_ACCMODE) {
		*err = -EINVAL;	/* O_TMPFILE, O_DIRECT, O_ASYNC, ... */
		return NULL;
	}
	if ((*err = fs_resolve(fs, base, path, follow, &w)))
		return NULL;
	if (w.mem)
		fd = open_memfile(w.mem, flags, writes);
	else if (w.dirfd < 0)
		fd = writes ? -EISDIR : -EACCES;	/* a virtual directory */
	else if (w.mnt->ro && writes)
		fd = -EROFS;
	else if (w.mnt->ro && create) {
		fd = openat(w.dirfd, w.name, hflags & ~(O_CREAT | O_EXCL));
		fd = fd >= 0 ? ((flags & O_EXCL) ? (close(fd), -EEXIST) : fd) :
		     errno == ENOENT ? -EROFS : -errno;
	} else if (create)
		fd = open_create(fs, &w, hflags, mode);
	else if ((fd = openat(w.dirfd, w.name, hflags)) < 0)
		fd = -errno;
	if (fd < 0) {
		*err = fd;
		where_release(&w);
		return NULL;
	}
	struct lfi_file *f = file_new(fd, w.path, w.mnt->ro);
	if (f)
		f->preverified = w.mem && w.mnt->preverified;
	where_release(&w);
	*err = f ? 0 : -ENOMEM;
	return f;
}

int fs_getcwd(struct lfi_fs *fs, char *buf, size_t size)
{
	int n;

	pthread_mutex_lock(&fs->lock);
	n = snprintf(buf, size, "%s", fs->cwd);
	pthread_mutex_unlock(&fs->lock);
	return (size_t)n >= size ? -ERANGE : n + 1;
}

int fs_chdir(struct lfi_fs *fs, const char *base, const char *path)
{
	struct lfi_where w;
	struct stat st;
	int err = fs_resolve(fs, base, path, 1, &w);

	if (err)
		return err;
	if (w.mem)
		err = -ENOTDIR;
	else if (w.dirfd >= 0) {
		if (fstatat(w.dirfd, w.name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			err = -errno;
		else if (!S_ISDIR(st.st_mode))
			err = -ENOTDIR;
		else if (faccessat(w.dirfd, w.name, X_OK, AT_SYMLINK_NOFOLLOW) < 0)
			err = -errno;
	}
	if (!err) {
		pthread_mutex_lock(&fs->lock);
		strcpy(fs->cwd, w.path);
		pthread_mutex_unlock(&fs->lock);
	}
	where_release(&w);
	return err;
}

int lfi_fs_chdir(struct lfi_fs *fs, const char *path)
{
	return fs_chdir(fs, NULL, path);
}

int lfi_fs_open(struct lfi_fs *fs, const char *path, int *preverified)
{
	int err, fd;
	struct lfi_file *f = fs_open(fs, NULL, path, O_RDONLY, 0, &err);

	if (!f)
		return err;
	if (preverified)
		*preverified = f->preverified;
	fd = f->host;
	f->host = -1;	/* the caller's now */
	file_put(f);
	return fd;
}
