/*
 * Memory files: read-only files at box paths, backed by bytes the
 * embedder holds (a .box.so's rodata), with the digest sobox stored.
 *
 * Each is a sealed memfd: the bytes are written once, then
 * F_SEAL_SHRINK|GROW|WRITE|SEAL makes the contents immutable for good,
 * so the SHA-256 computed here, right after sealing, is the SHA-256 of
 * every byte the box can ever read, map or load from it. Why a memfd and
 * not bytes served by the runtime: with a real host fd every file system
 * call (read, pread, readv, lseek, fstat, statx, mmap of data, the
 * loader's reads) works unchanged, and the kernel enforces read-only.
 * Each open is a fresh open file description of the memfd, reopened
 * through /proc/self/fd/N (the runtime's own fd, a path the box never
 * chooses), so two opens have their own offsets, as two opens of a host
 * file do; dup shares one as usual. This needs procfs on the host, which
 * lfi_fs_add_memory_file checks at once.
 *
 * The mapping point is the file itself (path.c): its parents become
 * virtual directories, nothing else is visible beside it, and it cannot
 * be written, removed or renamed.
 */
#define _GNU_SOURCE
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SEALS (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL)

struct lfi_memfile {
	int fd;			/* sealed memfd, O_CLOEXEC */
	int refs;		/* mapping points using it (set up and freed by one thread) */
	const uint8_t *bytes;	/* what it was made from, to share it */
	size_t size;
	uint8_t sha256[LFI_SHA256_SIZE];	/* of the sealed contents */
};

struct lfi_memfile *memfile_ref(struct lfi_memfile *m)
{
	m->refs++;
	return m;
}

void memfile_put(struct lfi_memfile *m)
{
	if (m && --m->refs == 0) {
		close(m->fd);
		free(m);
	}
}

int memfile_holds(const struct lfi_memfile *m, const uint8_t *bytes, size_t size)
{
	return m->bytes == bytes && m->size == size;
}

int memfile_open(const struct lfi_memfile *m, int flags)
{
	char proc[32];
	int fd;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", m->fd);
	fd = open(proc, O_RDONLY | O_CLOEXEC | (flags & (O_PATH | O_NONBLOCK)));
	return fd < 0 ? -errno : fd;
}

int memfile_stat(const struct lfi_memfile *m, struct stat *st)
{
	return fstat(m->fd, st) < 0 ? -errno : 0;
}

int memfile_statx(const struct lfi_memfile *m, int flags, unsigned mask,
		  struct statx *stx)
{
	flags = (flags & AT_STATX_SYNC_TYPE) | AT_EMPTY_PATH;
	return statx(m->fd, "", flags, mask, stx) < 0 ? -errno : 0;
}

static int write_all(int fd, const uint8_t *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? -errno : -EIO;
		p += w;
		n -= w;
	}
	return 0;
}

/* The SHA-256 of what the sealed memfd holds (not of the caller's
   buffer: what the box reads is what counts). */
static int hash_sealed(int fd, size_t size, uint8_t out[LFI_SHA256_SIZE])
{
	void *p;

	if (size == 0) {
		lfi_sha256("", 0, out);
		return 0;
	}
	p = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return -errno;
	lfi_sha256(p, size, out);
	munmap(p, size);
	return 0;
}

/* The memfd: written, mode r-xr-xr-x (what stat shows), sealed, hashed,
   and reopened once to know that opens will work. */
static int memfile_fill(struct lfi_memfile *m, const uint8_t *bytes, size_t size)
{
	int err = write_all(m->fd, bytes, size), fd;

	if (!err && (fchmod(m->fd, 0555) < 0 || fcntl(m->fd, F_ADD_SEALS, SEALS) < 0))
		err = -errno;
	if (!err)
		err = hash_sealed(m->fd, size, m->sha256);
	if (!err && (fd = memfile_open(m, O_RDONLY)) < 0)
		err = fd;	/* no procfs */
	else if (!err)
		close(fd);
	return err;
}

static struct lfi_memfile *memfile_new(const char *box, const uint8_t *bytes,
				       size_t size, int *err)
{
	struct lfi_memfile *m = calloc(1, sizeof *m);

	if (!m) {
		*err = -ENOMEM;
		return NULL;
	}
	char name[64];	/* memfd names are for /proc only, and short */

	snprintf(name, sizeof name, "%s", strrchr(box, '/') + 1);
	*m = (struct lfi_memfile){ .refs = 1, .bytes = bytes, .size = size };
	m->fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	*err = m->fd < 0 ? -errno : memfile_fill(m, bytes, size);
	if (*err) {
		if (m->fd >= 0)
			close(m->fd);
		free(m);
		return NULL;
	}
	return m;
}

int lfi_fs_add_memory_file(struct lfi_fs *fs, const char *box_path,
			   const uint8_t *bytes, size_t size,
			   const uint8_t digest[LFI_SHA256_SIZE])
{
	char box[PATH_MAX];
	struct lfi_mount m = { .fd = -1, .ro = 1 };
	int err = fs_canonical(box_path, box, sizeof box);

	if (err)
		return err;
	if (!strcmp(box, "/") || (!bytes && size))
		return -EINVAL;
	if ((m.mem = fs_find_memfile(fs, bytes, size)))
		memfile_ref(m.mem);
	else if (!(m.mem = memfile_new(box, bytes, size, &err)))
		return err;
	m.preverified = digest && !memcmp(digest, m.mem->sha256, LFI_SHA256_SIZE);
	if (!(m.box = strdup(box)))
		err = -ENOMEM;
	else
		err = fs_add_mount(fs, &m);
	if (err) {
		free(m.box);
		memfile_put(m.mem);
	}
	return err;
}

static uint64_t page_up(uint64_t a)
{
	return (a + LFI_PAGE_SIZE - 1) & ~(LFI_PAGE_SIZE - 1);
}

int memfile_segment_preverified(int preverified, const Elf64_Phdr *ph,
				uint64_t off, uint64_t len)
{
	uint64_t from = ph->p_offset & ~(LFI_PAGE_SIZE - 1);

	if (!preverified || ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
		return 0;
	/* sobox verified the pages laid out by p_vaddr, mmap lays them out
	   by p_offset: the same only when both agree within the page; and
	   mmap maps only the pages the file fills, the loader all of
	   p_memsz: the same only when they are equal (always, for code) */
	if (ph->p_offset % LFI_PAGE_SIZE != ph->p_vaddr % LFI_PAGE_SIZE ||
	    ph->p_filesz != ph->p_memsz || ph->p_memsz > LFI_BOX_SIZE ||
	    ph->p_offset > LFI_BOX_SIZE || len == 0 || len > LFI_BOX_SIZE)
		return 0;
	return off == from && page_up(len) == page_up(ph->p_offset + ph->p_memsz) - from;
}
