/*
 * files.h - the Linux layer's files: the per-box file-descriptor table
 * (fd.c) and the path policy (path.c), shared by the file system calls.
 *
 * The sandbox never names a host fd. A sandbox fd is a slot of its box's
 * table holding a reference to a struct lfi_file, which owns one host fd
 * (always O_CLOEXEC on the host). System calls take a reference for as
 * long as they use the host fd, so another thread's close() cannot make
 * them act on a host fd number that was reused meanwhile.
 *
 * Paths are box paths: they are resolved component by component by the
 * runtime (path.c), never by the kernel, so `..`, absolute paths and
 * symlinks are all interpreted in the box's own name space, which holds
 * nothing but the directories mapped in with lfi_fs_map().
 */
#ifndef LFI_FILES_H
#define LFI_FILES_H

#include <elf.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "linux.h"

/* --- fd.c ------------------------------------------------------------ */

struct lfi_file {
	int host;		/* owned, O_CLOEXEC */
	int refs;		/* atomic */
	int ro;			/* reached through a read-only mapping */
	int preverified;	/* a memory file whose digest matched (memfile.c) */
	char *path;		/* box path it was opened as ("" for streams) */
};

#define LFI_MAX_FDS 1024

/* A new file owning `host` (closed on failure: NULL). */
struct lfi_file *file_new(int host, const char *path, int ro);
void file_put(struct lfi_file *f);

/* The file behind sandbox fd `fd` with a reference the caller puts back
   with file_put(), or NULL (EBADF). */
struct lfi_file *fd_get(struct lfi_fds *fds, uint64_t fd);

/* Puts `f` (the caller's reference goes to the table) in the lowest free
   slot >= min; returns the sandbox fd or -EMFILE (f is put). */
int fd_install(struct lfi_fds *fds, struct lfi_file *f, int min, int cloexec);

/* dup3: puts `f` at slot `fd`, closing what was there; -EBADF when fd
   is out of range (f is put). */
int fd_install_at(struct lfi_fds *fds, struct lfi_file *f, uint64_t fd,
		  int cloexec);

int fd_close(struct lfi_fds *fds, uint64_t fd);

/* The sandbox's FD_CLOEXEC (kept for F_GETFD only: nothing is exec'd). */
int fd_get_cloexec(struct lfi_fds *fds, uint64_t fd);
int fd_set_cloexec(struct lfi_fds *fds, uint64_t fd, int cloexec);

static inline struct lfi_fds *fds_of(struct lfi_thread *t)
{
	return ((struct lfi_proc *)t->user)->fds;
}

static inline struct lfi_fs *fs_of(struct lfi_thread *t)
{
	return ((struct lfi_proc *)t->user)->fs;
}

/* --- path.c ---------------------------------------------------------- */

struct lfi_memfile;

/* A mapping point: a host directory, or a memory file (memfile.c). */
struct lfi_mount {
	char *box;		/* canonical: absolute, no trailing '/' ("" is /) */
	int fd;			/* O_PATH of the host directory; -1 for a file */
	int ro;			/* always for a memory file */
	struct lfi_memfile *mem;	/* the memory file, or NULL */
	int preverified;	/* mem's SHA-256 equals the digest it was given */
};

/* Where a box path leads: the directory that holds its last component
   and that component's name, or the directory itself ("."), or a
   virtual directory (the box's root and the parents of mapping points,
   which have no host directory behind them). */
struct lfi_where {
	int dirfd;		/* O_PATH; -1 when virtual or a memory file */
	int owned;		/* dirfd is ours to close (else a mount's) */
	const struct lfi_mount *mnt;	/* NULL when virtual */
	const struct lfi_memfile *mem;	/* a memory file (mnt is its mount) */
	char name[NAME_MAX + 1];
	char path[PATH_MAX];	/* canonical box path of the result */
};

/* Resolves `path` relative to the canonical box directory `base` (NULL:
   the working directory). With `follow`, a symlink as last component is
   followed; the host call on w->name must still use AT_SYMLINK_NOFOLLOW
   or O_NOFOLLOW (another thread may have made it a symlink meanwhile).
   The last component need not exist. Returns 0 or -errno (ENOENT,
   ENOTDIR, ELOOP, ENAMETOOLONG, ...); release with where_release(). */
int fs_resolve(struct lfi_fs *fs, const char *base, const char *path,
	       int follow, struct lfi_where *w);
void where_release(struct lfi_where *w);

/* Opens `path` as open(2) would, under the policy (read-only mappings:
   -EROFS for any write access; creation with the box's umask, exactly).
   Returns a new file or NULL with *err = -errno. */
struct lfi_file *fs_open(struct lfi_fs *fs, const char *base,
			 const char *path, int flags, mode_t mode, int *err);

/* The canonical form of an absolute box path ("/a//b/." -> "/a/b"):
   -EINVAL when relative or with "..", -ENAMETOOLONG. */
int fs_canonical(const char *path, char *out, size_t size);

/* Adds the mapping point `m` (m->box canonical, malloc'ed; the fs takes
   m->box, m->fd and the reference m->mem): 0, -EEXIST or -ENOSPC (then
   the caller still owns them). */
int fs_add_mount(struct lfi_fs *fs, const struct lfi_mount *m);

/* A memory file of the fs holding `bytes` (size bytes), to share. */
struct lfi_memfile *fs_find_memfile(const struct lfi_fs *fs,
				    const uint8_t *bytes, size_t size);

/* The box's working directory (copied into buf) and umask. */
int fs_getcwd(struct lfi_fs *fs, char *buf, size_t size);
int fs_chdir(struct lfi_fs *fs, const char *base, const char *path);
mode_t fs_umask(struct lfi_fs *fs, mode_t mask);
mode_t fs_umask_get(struct lfi_fs *fs);

/* --- memfile.c, sha256.c ---------------------------------------------- */

void lfi_sha256(const void *data, size_t size, uint8_t out[LFI_SHA256_SIZE]);

/* A new reference to m / drops one (the last closes the memfd). */
struct lfi_memfile *memfile_ref(struct lfi_memfile *m);
void memfile_put(struct lfi_memfile *m);

/* True when m was made from exactly these bytes (fs_find_memfile). */
int memfile_holds(const struct lfi_memfile *m, const uint8_t *bytes, size_t size);

/* A new open file description of the memory file (its own offset), as
   open(2) with `flags` would give it: a host fd or -errno. The policy
   (read-only, not a directory) is fs_open's. */
int memfile_open(const struct lfi_memfile *m, int flags);

/* stat / statx of the memory file itself. 0 or -errno. */
struct statx;
int memfile_stat(const struct lfi_memfile *m, struct stat *st);
int memfile_statx(const struct lfi_memfile *m, int flags, unsigned mask,
		  struct statx *stx);

/*
 * The rule that lets code skip the verifier (lfi_box_map_code_preverified,
 * core/box.h), in one place for the ELF loader and mmap: the file is a
 * memory file whose SHA-256 matched its digest (`preverified`, from
 * struct lfi_file or lfi_fs_open), `ph` is one of its executable PT_LOAD
 * segments, and [off, off + len) is exactly that segment's page-rounded
 * file range (what ld-musl and lfi_load_elf map). Anything else: 0.
 */
int memfile_segment_preverified(int preverified, const Elf64_Phdr *ph,
				uint64_t off, uint64_t len);

#endif
