/* mmap of a sandbox fd. Data mappings (no PROT_EXEC) are the host
   file's pages through lfi_box_map_file, private or shared. Code comes
   only from private mappings: the runtime reads the bytes and hands them
   to lfi_box_map_code, which verifies them before they become
   executable; the result is a copy, not the file's pages, so no
   writable alias of it exists. Shared executable mappings are refused.
   This is how ld-musl loads DT_NEEDED libraries and dlopen()ed ones.
   The verifier is skipped only for exactly an executable segment of a
   memory file whose digest matched (memfile_segment_preverified). */
#define _GNU_SOURCE
#include "files.h"
#include "sys.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/*
 * Which bytes of [off, off + len) of an ELF file are code: those of the
 * PT_LOAD with PF_X whose pages hold `off` (what ld-musl maps with
 * PROT_EXEC). The rest of its pages (the headers before it, the next
 * segment after it on the same page, the linker's zero padding) is not
 * code and becomes int3, as the ELF loader does. Returns 0 with the file
 * range in [*from, *to) and the segment in *ph, -EACCES when the file is
 * no ELF file or `off` lies in no executable segment.
 */
static int code_range(int fd, uint64_t off, uint64_t len, uint64_t *from,
		      uint64_t *to, Elf64_Phdr *ph)
{
	Elf64_Ehdr eh;

	if (pread(fd, &eh, sizeof eh, 0) != sizeof eh ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_phentsize != sizeof *ph)
		return -EACCES;
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, ph, sizeof *ph, (off_t)(eh.e_phoff + i * sizeof *ph)) !=
		    sizeof *ph)
			return -EACCES;
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X) ||
		    (ph->p_offset & ~(LFI_PAGE_SIZE - 1)) != off ||
		    ph->p_offset + ph->p_filesz < ph->p_offset)
			continue;
		*from = ph->p_offset;
		*to = ph->p_offset + ph->p_filesz < off + len ?
		      ph->p_offset + ph->p_filesz : off + len;
		return *from < *to ? 0 : -EACCES;
	}
	return -EACCES;
}

/* Up to len bytes of the file at off; the count read or -errno. */
static long read_at(int fd, uint8_t *buf, uint64_t len, uint64_t off)
{
	uint64_t got = 0;

	while (got < len) {
		ssize_t n = pread(fd, buf + got, len - got, (off_t)(off + got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == EBADF ? -EACCES : -errno; /* O_WRONLY, O_PATH */
		if (n == 0)
			break;
		got += n;
	}
	return (long)got;
}

static long map_code(struct lfi_thread *t, struct lfi_file *f, uint64_t addr,
		     uint64_t len, uint64_t off, int fixed)
{
	char why[256];
	uint8_t *buf;
	long got;
	int err;
	uint64_t from, to;
	Elf64_Phdr ph;

	if (len == 0)
		return -EINVAL;
	if ((err = code_range(f->host, off, len, &from, &to, &ph)))
		return err;
	if (len > LFI_BOX_SIZE || !(buf = malloc(len)))
		return -ENOMEM;
	memset(buf, 0xcc, len);	/* int3 */
	if ((got = read_at(f->host, buf + (from - off), to - from, from)) < 0) {
		free(buf);
		return got;
	}
	got += from - off;
	/* the placement of an ordinary mapping, then code over it */
	if (!fixed && (err = lfi_box_map(t->box, &addr, len, PROT_READ, 0))) {
		free(buf);
		return err;
	}
	/* got == the whole segment when the rule holds (the sealed file
	   holds every byte sobox checked for it) */
	if (memfile_segment_preverified(f->preverified, &ph, off, len))
		err = lfi_box_map_code_preverified(t->box, addr, buf, (uint64_t)got);
	else
		err = lfi_box_map_code(t->box, addr, buf, (uint64_t)got, why, sizeof why);
	free(buf);
	if (err == -EPERM)	/* the one line that says why a library failed */
		fprintf(stderr, "%s: %s: %s\n", proc_of(t)->name,
			f->path[0] ? f->path : "mmap", why);
	if (err && !fixed)
		lfi_box_unmap(t->box, addr, len);
	return err ? err : (long)addr;
}

long sys_mmap_file(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	uint64_t addr = r->rdi, len = r->rsi, off = r->r9;
	int prot = (int)r->rdx, flags = (int)r->r10, type = flags & MAP_TYPE;
	int fixed = flags & MAP_FIXED ? LFI_MAP_FIXED : 0;
	struct lfi_file *f;
	long ret;

	if (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (off & (LFI_PAGE_SIZE - 1))
		return -EINVAL;
	if (!(f = fd_get(fds_of(t), r->r8)))
		return -EBADF;
	if (!(prot & PROT_EXEC))
		ret = lfi_box_map_file(t->box, &addr, len, prot, fixed, f->host, off,
				       type != MAP_PRIVATE);
	else if (type != MAP_PRIVATE || (prot & PROT_WRITE))
		ret = -EACCES;	/* shared or writable code: never */
	else
		ret = map_code(t, f, addr, len, off, fixed);
	if (!(prot & PROT_EXEC) && ret == 0)
		ret = (long)addr;
	file_put(f);
	return ret;
}
