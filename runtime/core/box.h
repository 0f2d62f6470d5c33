/*
 * box.h - the runtime core's sandboxes and their memory.
 *
 * A sandbox ("box") is 4 GiB of address space at a 4 GiB-aligned base,
 * with at least 40 GiB that are never mapped below and above it
 * (lfi-x64.md, "Memory layout"). The core knows nothing of Linux system
 * calls or ELF: it reserves boxes, hands out pages inside them, and turns
 * bytes into executable code only after the verifier accepted them. The
 * Linux layer (runtime/linux) builds mmap/munmap/mprotect/mremap/brk and
 * the ELF loader on top of it.
 *
 * Addresses in this API are host addresses (base + offset). Every function
 * that takes an address range checks that it lies in
 * [base + LFI_BOX_LOW, base + LFI_BOX_SIZE) and returns -EINVAL (or
 * -ENOMEM) otherwise; no function maps, unmaps or changes protection
 * outside the box.
 *
 * W^X: a page is never writable and executable at once, and no writable
 * alias of executable memory exists. Executable pages are made only by
 * lfi_box_map_code() and lfi_box_map_code_preverified() (private
 * anonymous memory the core fills itself, read-only while it is verified,
 * read-execute after). A verified region
 * is immutable: lfi_box_unmap/protect/remap/map over any part of it fail
 * with -EACCES, and nothing else becomes executable (PROT_EXEC in
 * lfi_box_map/protect is refused with -EACCES).
 *
 * Thread safety: every function may be called from several threads on the
 * same box; the box's page table has its own lock.
 */
#ifndef LFI_BOX_H
#define LFI_BOX_H

#include <stddef.h>
#include <stdint.h>

#define LFI_BOX_SIZE (1ULL << 32)		/* 4 GiB */
#define LFI_BOX_GUARD (40ULL << 30)		/* never mapped, each side */
#define LFI_BOX_LOW (64ULL << 10)		/* below this: table, null guard */
#define LFI_PAGE_SIZE 4096ULL
#define LFI_RUNTIME_CALLS 32			/* entries of the table at base */

struct lfi_box;

/* Reserves a box and fills its first page with the runtime-call table
   (host addresses of the entry points, lfi-x64.md "Runtime calls"), then
   makes that page read-only. The rest of the box is inaccessible until
   mapped. Returns NULL with *err = -errno: -EINVAL without a table,
   -EPERM when the process has READ_IMPLIES_EXEC (every readable page
   would be executable), -ENOMEM when the address space is full (about
   1500 boxes per process, see runtime/README.md). */
struct lfi_box *lfi_box_new(const uint64_t table[LFI_RUNTIME_CALLS], int *err);

/* Gives back every byte (reservation, bookkeeping). The caller guarantees
   that no thread runs in the box. */
void lfi_box_free(struct lfi_box *box);

uint64_t lfi_box_base(const struct lfi_box *box);

/* True when [addr, addr + len) lies wholly inside the box's 4 GiB. */
int lfi_box_contains(const struct lfi_box *box, uint64_t addr, uint64_t len);

/* Protections and flags, as PROT_* and MAP_FIXED in <sys/mman.h>. */
#define LFI_MAP_FIXED 1		/* exactly at *addr (replacing data pages) */

/*
 * Maps `len` bytes (rounded up to pages) of zeroed private memory with
 * `prot` (PROT_READ/PROT_WRITE/PROT_NONE; PROT_EXEC -> -EACCES, other
 * bits -> -EINVAL). Without LFI_MAP_FIXED, *addr is a hint (rounded down
 * to a page; used when the whole range is free, otherwise ignored) and
 * the chosen address is returned in *addr: the highest free range of the
 * box (top-down, like Linux), -ENOMEM when none is large enough. With
 * LFI_MAP_FIXED, *addr must be page-aligned and the range usable (-EINVAL)
 * and free of code (-EACCES); data pages there are replaced. When the host
 * refuses a LFI_MAP_FIXED mapping, the range is left unmapped (the kernel
 * may already have dropped the old pages). Returns 0 or -errno.
 */
int lfi_box_map(struct lfi_box *box, uint64_t *addr, uint64_t len, int prot,
		int flags);

/* Like lfi_box_map (top-down, read-write, zeroed), for the runtime's own
   data in the box: the sandbox can use the pages but never unmap,
   remap, reprotect or map over them, so the host may write them without
   a checked copy (the stacks of calls into the box). 0 or -errno. */
int lfi_box_map_pinned(struct lfi_box *box, uint64_t *addr, uint64_t len);

/* Like lfi_box_map, but maps `len` bytes of the host file `fd` at `off`
   (page-aligned; MAP_PRIVATE, or MAP_SHARED when `shared`; never
   executable). The host's errors come back as they are (-EBADF, -EACCES
   for a shared writable map of a read-only descriptor, ...). */
int lfi_box_map_file(struct lfi_box *box, uint64_t *addr, uint64_t len,
		     int prot, int flags, int fd, uint64_t off, int shared);

/* munmap: the range (addr page-aligned, len > 0, rounded up) goes back to
   the reservation; unmapped parts are fine. -EINVAL for a bad or
   out-of-box range, -EACCES over code. */
int lfi_box_unmap(struct lfi_box *box, uint64_t addr, uint64_t len);

/* mprotect: -EINVAL for a bad range or prot, -EACCES for PROT_EXEC or
   over code, -ENOMEM when part of the range is not mapped; len 0 is a
   no-op. The host may refuse part of the range (-EACCES on a read-only
   shared file): what it changed before stays changed, as on Linux. */
int lfi_box_protect(struct lfi_box *box, uint64_t addr, uint64_t len, int prot);

/* mremap: grow or shrink a data mapping, moving it when `may_move`.
   Returns 0 with the new address in *new_addr, or -errno: -EINVAL for a
   bad range, -EACCES over code, -EFAULT when the old range is not within
   one mapping, -ENOMEM when it cannot grow (no room; not moving; or a
   file mapping, which shrinks but never grows). A move keeps the pages
   and their protection; the old range goes back to the reservation. */
int lfi_box_remap(struct lfi_box *box, uint64_t old_addr, uint64_t old_len,
		  uint64_t new_len, int may_move, uint64_t *new_addr);

/*
 * Makes code executable at `addr` (page-aligned): `len` bytes are copied
 * from `code` into fresh private pages, the rest of the last page is
 * filled with int3, the pages are made read-only, verified as one buffer
 * at `addr` (liblfiverify), and made read-execute. Data pages in the range
 * are replaced (like LFI_MAP_FIXED); code there already -> -EACCES; a bad
 * range -> -EINVAL. On rejection the pages are unmapped and -EPERM is
 * returned with the verifier's first message in `why` (if not NULL),
 * e.g. "0x40000001: `syscall`: V2 forbidden: ...", the address as the
 * sandbox sees it (offset from base). The region is immutable afterwards.
 */
int lfi_box_map_code(struct lfi_box *box, uint64_t addr, const void *code,
		     uint64_t len, char *why, size_t why_size);

/*
 * The one way around the verifier, for code that was verified already:
 * exactly lfi_box_map_code (fresh private pages, int3 tail, read-only,
 * then read-execute, immutable, the same errors) except that the verifier
 * does not run. The caller vouches that these `len` bytes, padded with
 * int3 to the page, are a buffer the verifier accepted at an address with
 * the same offset in its page (the verifier's result depends on nothing
 * else). Its only caller is the Linux layer (linux/memfile.c,
 * lfi_image_preverified): an executable PT_LOAD segment, mapped exactly
 * (its page-rounded file range), of an image embedded in a .box.so whose
 * SHA-256 equals the digest sobox stored after verifying that image's
 * executable segments itself. Anything else must use lfi_box_map_code.
 */
int lfi_box_map_code_preverified(struct lfi_box *box, uint64_t addr,
				 const void *code, uint64_t len);

/* How many bytes of code (whole pages) the box's mappings have had
   verified, and taken as preverified, since it was made: for tests and
   for reporting what start-up cost. */
void lfi_box_code_bytes(struct lfi_box *box, uint64_t *verified,
			uint64_t *preverified);

/* True when addr lies in verified code (a region lfi_box_map_code made):
   for checking function addresses the sandbox hands the host. */
int lfi_box_is_code(struct lfi_box *box, uint64_t addr);

/* madvise(MADV_DONTNEED) on mapped data pages (they read back as zeros,
   or the file's bytes); -EACCES on any code page, -ENOMEM if a page is
   not mapped. */
int lfi_box_discard(struct lfi_box *box, uint64_t addr, uint64_t len);

/* brk: the program break of the box, on data pages above `start` (set
   once by the loader with lfi_box_brk_init). lfi_box_brk(box, 0) returns
   the current break; otherwise moves it and returns the new break, or the
   old one when it cannot (like the Linux system call): below `start`,
   past the box, into another mapping, or shrinking over code. The heap's
   pages start at the page after `start` and are ordinary data. Before
   lfi_box_brk_init (or with a `start` outside [base + 64 KiB, base +
   4 GiB], which is ignored) the break is 0 and never moves. */
void lfi_box_brk_init(struct lfi_box *box, uint64_t start);
uint64_t lfi_box_brk(struct lfi_box *box, uint64_t new_brk);

#endif
