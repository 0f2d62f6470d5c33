/* ELF loading into a box: headers checked against the file size, the
   LFI note required, data segments mapped and filled, code segments made
   executable only through the verifier (lfi_box_map_code). The runtime is
   linked into every .box.so, which may need nothing but libc at run
   time, so ELF is read with <elf.h> structures here, not libelf. */
#include "files.h"

#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lfi_note.h"

#define PAGE LFI_PAGE_SIZE

static uint64_t page_down(uint64_t a) { return a & ~(PAGE - 1); }
static uint64_t page_up(uint64_t a) { return (a + PAGE - 1) & ~(PAGE - 1); }

__attribute__((format(printf, 3, 4)))
static int fail(char *why, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, n, fmt, ap);
	va_end(ap);
	return -ENOEXEC;
}

/* [off, off + len) inside a file of `size` bytes, without overflow. */
static int fits(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

static int check_header(const Elf64_Ehdr *eh, size_t size, char *why, size_t n)
{
	if (size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
		return fail(why, n, "not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_machine != EM_X86_64)
		return fail(why, n, "not x86-64 ELF code");
	if (eh->e_type != ET_DYN)
		return fail(why, n, "not position-independent (LFI code is a PIE "
				    "or a shared object)");
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 ||
	    !fits(eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr), size))
		return fail(why, n, "malformed program headers");
	return 0;
}

static int check_note(const uint8_t *file, size_t size, char *why, size_t n)
{
	enum lfi_note_status st = lfi_note_in_elf(file, size, NULL);

	return st == LFI_NOTE_OK ? 0 : fail(why, n, "%s", lfi_note_message(st));
}

/* PT_LOADs in the file, in ascending order, on pages of their own (the
   toolchain links with -z separate-code; sharing a page would need one
   protection for two segments). */
static int check_segments(const Elf64_Phdr *ph, int phnum, size_t size,
			  char *why, size_t n)
{
	uint64_t end = 0;

	for (int i = 0; i < phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (page_down(ph[i].p_vaddr) < end)
			return fail(why, n, "PT_LOAD segment %d shares a page with "
					    "the one before or is out of order", i);
		end = page_up(ph[i].p_vaddr + ph[i].p_memsz);
		if (!fits(ph[i].p_offset, ph[i].p_filesz, size) ||
		    ph[i].p_filesz > ph[i].p_memsz ||
		    ph[i].p_vaddr % PAGE != ph[i].p_offset % PAGE ||
		    ph[i].p_memsz > LFI_BOX_SIZE || ph[i].p_vaddr > LFI_BOX_SIZE)
			return fail(why, n, "malformed PT_LOAD segment %d", i);
		if ((ph[i].p_flags & PF_X) && (ph[i].p_flags & PF_W))
			return fail(why, n, "segment %d is writable and executable", i);
	}
	return 0;
}

/* The pages [lo, hi) of the image, relative to its link address 0. */
static void span(const Elf64_Phdr *ph, int phnum, uint64_t *lo, uint64_t *hi)
{
	*lo = UINT64_MAX;
	*hi = 0;
	for (int i = 0; i < phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (page_down(ph[i].p_vaddr) < *lo)
			*lo = page_down(ph[i].p_vaddr);
		if (page_up(ph[i].p_vaddr + ph[i].p_memsz) > *hi)
			*hi = page_up(ph[i].p_vaddr + ph[i].p_memsz);
	}
}

static int prot_of(uint32_t flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0);
}

/* Code: the segment's pages, int3 where the file has no bytes; the
   verifier skipped only under memfile.c's rule (this is exactly the
   segment's page-rounded range, so the rule asks only about the file). */
static int load_code(struct lfi_box *box, const Elf64_Phdr *ph, const uint8_t *file,
		     int preverified, uint64_t bias, char *why, size_t n)
{
	uint64_t start = page_down(ph->p_vaddr), len = page_up(ph->p_vaddr + ph->p_memsz) - start;
	uint8_t *buf = malloc(len);
	int err;

	if (!buf)
		return fail(why, n, "out of memory"), -ENOMEM;
	memset(buf, 0xcc, len);
	memcpy(buf + (ph->p_vaddr - start), file + ph->p_offset, ph->p_filesz);
	if (memfile_segment_preverified(preverified, ph, page_down(ph->p_offset), len))
		err = lfi_box_map_code_preverified(box, bias + start, buf, len);
	else
		err = lfi_box_map_code(box, bias + start, buf, len, why, n);
	free(buf);
	if (err && !why[0])
		snprintf(why, n, "cannot map code at 0x%llx: %s",
			 (unsigned long long)(bias + start), strerror(-err));
	return err;
}

/* Data: fresh zero pages, the file bytes, then the segment's protection. */
static int load_data(struct lfi_box *box, const Elf64_Phdr *ph, const uint8_t *file,
		     uint64_t bias, char *why, size_t n)
{
	uint64_t start = bias + page_down(ph->p_vaddr);
	uint64_t len = page_up(ph->p_vaddr + ph->p_memsz) - page_down(ph->p_vaddr);
	uint64_t addr = start;
	int err = lfi_box_map(box, &addr, len, PROT_READ | PROT_WRITE, LFI_MAP_FIXED);

	if (!err) {
		memcpy((void *)(uintptr_t)(bias + ph->p_vaddr), file + ph->p_offset,
		       ph->p_filesz);
		err = lfi_box_protect(box, start, len, prot_of(ph->p_flags));
	}
	if (err)
		snprintf(why, n, "cannot map data at 0x%llx: %s",
			 (unsigned long long)start, strerror(-err));
	return err;
}

static void find_phdr_and_interp(const Elf64_Ehdr *eh, const Elf64_Phdr *ph,
				 const uint8_t *file, size_t size, struct lfi_image *img)
{
	img->phdr = 0;
	img->interp[0] = '\0';
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_PHDR)
			img->phdr = img->bias + ph[i].p_vaddr;
		if (ph[i].p_type == PT_LOAD && !img->phdr &&
		    eh->e_phoff >= ph[i].p_offset &&
		    eh->e_phoff - ph[i].p_offset < ph[i].p_filesz)
			img->phdr = img->bias + ph[i].p_vaddr + (eh->e_phoff - ph[i].p_offset);
		if (ph[i].p_type == PT_INTERP && fits(ph[i].p_offset, ph[i].p_filesz, size) &&
		    ph[i].p_filesz > 0 && ph[i].p_filesz < sizeof img->interp) {
			memcpy(img->interp, file + ph[i].p_offset, ph[i].p_filesz);
			img->interp[ph[i].p_filesz - 1] = '\0';
		}
	}
}

int lfi_load_elf(struct lfi_box *box, const uint8_t *file, size_t size,
		 int preverified, uint64_t at, struct lfi_image *img, char *why,
		 size_t why_size)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
	const Elf64_Phdr *ph;
	uint64_t lo, hi;
	int err;

	why[0] = '\0';
	if ((err = check_header(eh, size, why, why_size)))
		return err;
	ph = (const Elf64_Phdr *)(file + eh->e_phoff);
	if ((err = check_note(file, size, why, why_size)) ||
	    (err = check_segments(ph, eh->e_phnum, size, why, why_size)))
		return err;
	span(ph, eh->e_phnum, &lo, &hi);
	if (lo >= hi || !lfi_box_contains(box, at, hi - lo))
		return fail(why, why_size, "image does not fit in the box");
	img->bias = at - lo;
	for (int i = 0; i < eh->e_phnum && !err; i++) {
		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		err = ph[i].p_flags & PF_X ?
			      load_code(box, &ph[i], file, preverified, img->bias,
					why, why_size) :
			      load_data(box, &ph[i], file, img->bias, why, why_size);
	}
	if (err)
		return err;
	img->entry = img->bias + eh->e_entry;
	img->phnum = eh->e_phnum;
	img->phent = eh->e_phentsize;
	img->end = img->bias + hi;
	find_phdr_and_interp(eh, ph, file, size, img);
	return 0;
}
