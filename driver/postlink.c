/* After ld: what the verifier cannot see (lfi-x64.md, "Not the verifier's
   business") and what ld gets wrong for LFI code (toolchain-notes 9, 10).
     1. gaps between sections in executable segments are int3, not ld's
        zeros (which decode as memory accesses);
     2. no .plt* section (PLT stubs are unmasked jumps through the GOT);
     3. every function symbol in executable memory is bundle-aligned
        (masking rounds a misaligned target down, silently);
     4. every dynamic relocation that points into executable memory (code
        pointers in data: init arrays, function pointer tables, GOT
        entries) points at a bundle start.
   The file is patched in place (1) and otherwise only read. */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUNDLE 32
#define MAX_SEGMENTS 16

struct segment {
	uint64_t vaddr, memsz, offset, filesz;
};

struct image {
	Elf *elf;
	int fd;
	const char *shown;
	struct segment code[MAX_SEGMENTS];
	size_t ncode;
};

static bool in_code(const struct image *im, uint64_t addr)
{
	for (size_t i = 0; i < im->ncode; i++)
		if (addr >= im->code[i].vaddr &&
		    addr - im->code[i].vaddr < im->code[i].memsz)
			return true;
	return false;
}

/* One error line about the output; returns 1. */
__attribute__((format(printf, 2, 3)))
static int fail(const struct image *im, const char *fmt, ...)
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
		return fail(im, "unreadable ELF headers");
	uint64_t headers = eh.e_phoff + (uint64_t)eh.e_phnum * eh.e_phentsize;
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(im->elf, (int)i, &ph) || ph.p_type != PT_LOAD ||
		    !(ph.p_flags & PF_X))
			continue;
		if (im->ncode == MAX_SEGMENTS)
			return fail(im, "more than %d executable segments",
				    MAX_SEGMENTS);
		if (ph.p_filesz && ph.p_offset < headers)
			return fail(im, "the ELF headers lie in the executable segment "
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
			return fail(im, "cannot patch the output at offset 0x%" PRIx64
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
			sh = realloc(sh, (cap *= 2) * sizeof *sh);
		if (!sh || !gelf_getshdr(scn, &sh[n]))
			return fail(im, "unreadable section header");
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
			return fail(im, "linker-made PLT code in section %s "
				    "(unmasked jumps through the GOT; was something "
				    "compiled without -fno-plt?)", name);
	}
	return 0;
}

/* 3. STT_FUNC and STT_GNU_IFUNC symbols inside code. */
static int check_symbols(const struct image *im, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	for (size_t i = 0; d && i < n; i++) {
		GElf_Sym sym;
		int type;
		if (!gelf_getsym(d, (int)i, &sym))
			break;
		type = GELF_ST_TYPE(sym.st_info);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) ||
		    sym.st_shndx == SHN_UNDEF || !in_code(im, sym.st_value) ||
		    sym.st_value % BUNDLE == 0)
			continue;
		return fail(im, "function at 0x%" PRIx64 " (%s) is not bundle-aligned: "
			    "an indirect call to it would run the start of its bundle",
			    sym.st_value, elf_strptr(im->elf, sh->sh_link, sym.st_name));
	}
	return 0;
}

/* The address a dynamic relocation stores, when the link decides it. */
static bool reloc_target(Elf *elf, const GElf_Shdr *sh, const GElf_Rela *r,
			 uint64_t *target)
{
	unsigned type = GELF_R_TYPE(r->r_info);
	Elf_Scn *symscn;
	Elf_Data *syms;
	GElf_Sym sym;

	if (type == R_X86_64_RELATIVE || type == R_X86_64_IRELATIVE) {
		*target = (uint64_t)r->r_addend;
		return true;
	}
	if (type != R_X86_64_64 && type != R_X86_64_GLOB_DAT &&
	    type != R_X86_64_JUMP_SLOT)
		return false;
	if (!(symscn = elf_getscn(elf, sh->sh_link)) ||
	    !(syms = elf_getdata(symscn, NULL)) ||
	    !gelf_getsym(syms, (int)GELF_R_SYM(r->r_info), &sym) ||
	    sym.st_shndx == SHN_UNDEF)
		return false;
	*target = sym.st_value + (uint64_t)r->r_addend;
	return true;
}

/* 4. Dynamic relocations whose value is a misaligned code address. */
static int check_relocs(const struct image *im, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	for (size_t i = 0; d && i < n; i++) {
		GElf_Rela r;
		uint64_t t;
		if (!gelf_getrela(d, (int)i, &r))
			break;
		if (!reloc_target(im->elf, sh, &r, &t) || !in_code(im, t) ||
		    t % BUNDLE == 0)
			continue;
		return fail(im, "a code pointer to 0x%" PRIx64 " is not bundle-aligned "
			    "(relocation at 0x%" PRIx64 "): an indirect branch to "
			    "it would run the start of its bundle", t, r.r_offset);
	}
	return 0;
}

static int check_tables(const struct image *im)
{
	Elf_Scn *scn = NULL;
	int st = 0;

	while (!st && (scn = elf_nextscn(im->elf, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_DYNSYM)
			st = check_symbols(im, scn, &sh);
		else if (sh.sh_type == SHT_RELA && (sh.sh_flags & SHF_ALLOC))
			st = check_relocs(im, scn, &sh);
	}
	return st;
}

int postlink_check(const char *path, const char *shown)
{
	struct image im = { .shown = shown };
	int st = 1;

	elf_version(EV_CURRENT);
	im.fd = open(path, O_RDWR);
	if (im.fd < 0) {
		error("%s: cannot open the linked output: %s", shown, strerror(errno));
		return 1;
	}
	im.elf = elf_begin(im.fd, ELF_C_READ, NULL);
	if (!im.elf || elf_kind(im.elf) != ELF_K_ELF) {
		error("%s: the linked output is not ELF: %s", shown, elf_errmsg(-1));
	} else if (!find_code(&im) && !check_no_plt(&im)) {
		st = 0;
		for (size_t i = 0; i < im.ncode && !st; i++)
			st = fill_gaps(&im, &im.code[i]);
		if (!st)
			st = check_tables(&im);
	}
	if (im.elf)
		elf_end(im.elf);
	if (close(im.fd) != 0 && !st) {
		error("%s: cannot write the linked output: %s", shown, strerror(errno));
		st = 1;
	}
	return st;
}
