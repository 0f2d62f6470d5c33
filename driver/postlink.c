/* After ld: what the verifier cannot see (lfi-x64.md, "Not the verifier's
   business") and what ld gets wrong for LFI code (toolchain-notes 9, 10).
     1. the output is position-independent (ET_DYN), whatever -Wl, said;
     2. gaps between sections in executable segments are int3, not ld's
        zeros (which decode as memory accesses);
     3. no .plt* section (PLT stubs are unmasked jumps through the GOT);
     4. code addresses bundle-aligned, code never relocated (codeptr.c).
   The file is patched in place (2) and otherwise only read. */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "postlink.h"

bool in_code(const struct image *im, uint64_t addr)
{
	for (size_t i = 0; i < im->ncode; i++)
		if (addr >= im->code[i].vaddr &&
		    addr - im->code[i].vaddr < im->code[i].memsz)
			return true;
	return false;
}

int postlink_fail(const struct image *im, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, PROG ": %s: ", im->shown);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

/* The executable PT_LOAD segments; the ELF headers must not be in one. */
static int find_code(struct image *im)
{
	GElf_Ehdr eh;
	size_t n;

	if (!gelf_getehdr(im->elf, &eh) || elf_getphdrnum(im->elf, &n) != 0)
		return postlink_fail(im, "unreadable ELF headers");
	if (eh.e_type != ET_DYN)
		return postlink_fail(im, "not position-independent (ELF type %u): LFI "
				     "outputs are PIEs and shared objects (was "
				     "-Wl,-no-pie given?)", eh.e_type);
	uint64_t headers = eh.e_phoff + (uint64_t)eh.e_phnum * eh.e_phentsize;
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(im->elf, (int)i, &ph) || ph.p_type != PT_LOAD ||
		    !(ph.p_flags & PF_X))
			continue;
		if (im->ncode == MAX_SEGMENTS)
			return postlink_fail(im, "more than %d executable segments",
				    MAX_SEGMENTS);
		if (ph.p_filesz && ph.p_offset < headers)
			return postlink_fail(im, "the ELF headers lie in the executable segment "
				    "at 0x%" PRIx64 " (link with -z separate-code)",
				    ph.p_vaddr);
		im->code[im->ncode++] = (struct segment){ ph.p_vaddr, ph.p_memsz,
							  ph.p_offset, ph.p_filesz };
	}
	return 0;
}

static int by_offset(const void *a, const void *b)
{
	const GElf_Shdr *x = a, *y = b;
	return x->sh_offset < y->sh_offset ? -1 : x->sh_offset > y->sh_offset;
}

static int fill_int3(const struct image *im, uint64_t from, uint64_t to)
{
	static const char int3[256] = { [0 ... 255] = (char)0xcc };

	while (from < to) {
		size_t n = to - from < sizeof int3 ? to - from : sizeof int3;
		if (pwrite(im->fd, int3, n, (off_t)from) != (ssize_t)n)
			return postlink_fail(im, "cannot patch the output at offset 0x%" PRIx64
				    ": %s", from, strerror(errno));
		from += n;
	}
	return 0;
}

/* 1. Bytes of a code segment's file image that no section owns. */
static int fill_gaps(const struct image *im, const struct segment *seg)
{
	size_t cap = 64, n = 0;
	GElf_Shdr *sh = xmalloc(cap * sizeof *sh);
	Elf_Scn *scn = NULL;
	uint64_t end = seg->offset + seg->filesz, at = seg->offset;
	int st = 0;

	while ((scn = elf_nextscn(im->elf, scn))) {
		if (n == cap)
			sh = xrealloc(sh, (cap *= 2) * sizeof *sh);
		if (!gelf_getshdr(scn, &sh[n])) {
			free(sh);
			return postlink_fail(im, "unreadable section header");
		}
		if (sh[n].sh_type != SHT_NOBITS && sh[n].sh_size &&
		    sh[n].sh_offset < end && sh[n].sh_offset + sh[n].sh_size > at)
			n++;
	}
	qsort(sh, n, sizeof *sh, by_offset);
	for (size_t i = 0; i < n && !st; i++) {
		if (sh[i].sh_offset > at)
			st = fill_int3(im, at, sh[i].sh_offset);
		if (sh[i].sh_offset + sh[i].sh_size > at)
			at = sh[i].sh_offset + sh[i].sh_size;
	}
	if (!st && at < end)
		st = fill_int3(im, at, end);
	free(sh);
	return st;
}

/* 2. PLT sections, by name: .plt, .plt.got, .plt.sec, .iplt. */
static int check_no_plt(const struct image *im)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf_getshdrstrndx(im->elf, &shstrndx) != 0)
		return 0; /* no section names: nothing to name */
	while ((scn = elf_nextscn(im->elf, scn))) {
		GElf_Shdr sh;
		const char *name;
		if (!gelf_getshdr(scn, &sh) ||
		    !(name = elf_strptr(im->elf, shstrndx, sh.sh_name)))
			continue;
		if (!strncmp(name, ".plt", 4) || !strncmp(name, ".iplt", 5))
			return postlink_fail(im, "linker-made PLT code in section %s "
				    "(unmasked jumps through the GOT; was something "
				    "compiled without -fno-plt?)", name);
	}
	return 0;
}

static int open_image(struct image *im, const char *path, int mode)
{
	elf_version(EV_CURRENT);
	im->fd = open(path, mode);
	if (im->fd < 0) {
		error("%s: cannot open the linked output: %s", im->shown, strerror(errno));
		return 1;
	}
	im->elf = elf_begin(im->fd, ELF_C_READ, NULL);
	if (!im->elf || elf_kind(im->elf) != ELF_K_ELF) {
		error("%s: the linked output is not ELF: %s", im->shown, elf_errmsg(-1));
		return 1;
	}
	return find_code(im);
}

static int close_image(struct image *im, int st)
{
	if (im->elf)
		elf_end(im->elf);
	if (im->fd >= 0 && close(im->fd) != 0 && !st) {
		error("%s: cannot write the linked output: %s", im->shown, strerror(errno));
		st = 1;
	}
	return st;
}

int postlink_check(const char *path, const char *shown)
{
	struct image im = { .shown = shown, .fd = -1 };
	int st = open_image(&im, path, O_RDONLY);

	if (!st)
		st = check_no_plt(&im);
	if (!st)
		st = check_code_pointers(&im);
	return close_image(&im, st);
}

/* Last, after any strip (which lays the file out anew). */
int postlink_fill(const char *path, const char *shown)
{
	struct image im = { .shown = shown, .fd = -1 };
	int st = open_image(&im, path, O_RDWR);

	for (size_t i = 0; i < im.ncode && !st; i++)
		st = fill_gaps(&im, &im.code[i]);
	return close_image(&im, st);
}
