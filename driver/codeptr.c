/* Code addresses that are reached indirectly must be bundle-aligned
   (masking rounds a misaligned target down, silently), and nothing may
   write code after it was verified. Checked on the linked output:
     - the entry point, DT_INIT and DT_FINI;
     - function symbols (.symtab), and every symbol exported into code
       (.dynsym: dlsym and other modules' GOT entries take any of them);
     - the value of every dynamic relocation that stores a code address
       (init arrays, function-pointer tables, GOT entries);
     - no relocation of code (-z notext, TEXTREL) and no packed relative
       relocations (.relr.dyn: musl does not apply them and their values
       are in the data, out of sight of these checks). */
#include "driver.h"

#include <inttypes.h>
#include <string.h>

#include "postlink.h"

#ifndef SHT_RELR
#define SHT_RELR 19
#endif
#ifndef DT_RELR
#define DT_RELR 36
#endif

static bool misaligned_code(const struct image *im, uint64_t addr)
{
	return in_code(im, addr) && addr % BUNDLE != 0;
}

static const char *sym_name(const struct image *im, size_t strtab, size_t name)
{
	const char *s = elf_strptr(im->elf, strtab, name);
	return s ? s : "?";
}

static bool must_align(const GElf_Sym *sym, bool exported)
{
	int type = GELF_ST_TYPE(sym->st_info);

	if (sym->st_shndx == SHN_UNDEF || sym->st_shndx == SHN_ABS ||
	    type == STT_SECTION || type == STT_FILE || type == STT_TLS)
		return false;
	return exported || type == STT_FUNC || type == STT_GNU_IFUNC;
}

static int check_symbols(const struct image *im, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
	bool exported = sh->sh_type == SHT_DYNSYM;

	for (size_t i = 1; d && i < n; i++) {
		GElf_Sym sym;
		if (!gelf_getsym(d, (int)i, &sym))
			break;
		if (!must_align(&sym, exported) || !misaligned_code(im, sym.st_value))
			continue;
		return postlink_fail(im, "%s at 0x%" PRIx64 " (%s) is not bundle-aligned: "
				     "an indirect call to it would run the start "
				     "of its bundle", exported ? "exported symbol" :
				     "function", sym.st_value,
				     sym_name(im, sh->sh_link, sym.st_name));
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

static int check_relocs(const struct image *im, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	for (size_t i = 0; d && i < n; i++) {
		GElf_Rela r;
		uint64_t t;
		if (!gelf_getrela(d, (int)i, &r))
			break;
		if (in_code(im, r.r_offset))
			return postlink_fail(im, "relocation of code at 0x%" PRIx64
					     ": code must not change after it is "
					     "verified (was -z notext given?)",
					     r.r_offset);
		if (reloc_target(im->elf, sh, &r, &t) && misaligned_code(im, t))
			return postlink_fail(im, "a code pointer to 0x%" PRIx64
					     " is not bundle-aligned (relocation at 0x%"
					     PRIx64 "): an indirect branch to it would "
					     "run the start of its bundle", t, r.r_offset);
	}
	return 0;
}

static int check_dynamic(const struct image *im, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	for (size_t i = 0; d && i < n; i++) {
		GElf_Dyn dyn;
		if (!gelf_getdyn(d, (int)i, &dyn) || dyn.d_tag == DT_NULL)
			break;
		if (dyn.d_tag == DT_TEXTREL ||
		    (dyn.d_tag == DT_FLAGS && (dyn.d_un.d_val & DF_TEXTREL)))
			return postlink_fail(im, "text relocations: code must not "
					     "change after it is verified");
		if (dyn.d_tag == DT_RELR)
			return postlink_fail(im, "packed relative relocations "
					     "(-z pack-relative-relocs) are not "
					     "supported (musl does not apply them)");
		if ((dyn.d_tag == DT_INIT || dyn.d_tag == DT_FINI) &&
		    misaligned_code(im, dyn.d_un.d_ptr))
			return postlink_fail(im, "%s at 0x%" PRIx64 " is not bundle-aligned",
					     dyn.d_tag == DT_INIT ? "DT_INIT" : "DT_FINI",
					     dyn.d_un.d_ptr);
	}
	return 0;
}

static int check_section(const struct image *im, Elf_Scn *scn, const GElf_Shdr *sh)
{
	switch (sh->sh_type) {
	case SHT_SYMTAB:
	case SHT_DYNSYM:
		return check_symbols(im, scn, sh);
	case SHT_RELA:
		return sh->sh_flags & SHF_ALLOC ? check_relocs(im, scn, sh) : 0;
	case SHT_REL:
		return sh->sh_flags & SHF_ALLOC ?
			postlink_fail(im, "REL relocations (x86-64 uses RELA)") : 0;
	case SHT_RELR:
		return postlink_fail(im, "packed relative relocations (.relr.dyn, "
				     "-z pack-relative-relocs) are not supported "
				     "(musl does not apply them)");
	case SHT_DYNAMIC:
		return check_dynamic(im, scn, sh);
	}
	return 0;
}

int check_code_pointers(const struct image *im)
{
	Elf_Scn *scn = NULL;
	GElf_Ehdr eh;
	bool symtab = false;
	int st = 0;

	if (!gelf_getehdr(im->elf, &eh))
		return postlink_fail(im, "unreadable ELF header");
	if (misaligned_code(im, eh.e_entry))
		return postlink_fail(im, "entry point 0x%" PRIx64 " is not bundle-aligned",
				     eh.e_entry);
	while (!st && (scn = elf_nextscn(im->elf, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh))
			return postlink_fail(im, "unreadable section header");
		symtab |= sh.sh_type == SHT_SYMTAB;
		st = check_section(im, scn, &sh);
	}
	if (!st && !symtab)
		return postlink_fail(im, "no symbol table to check function alignment "
				     "against (strip with the driver's -s, which "
				     "strips after checking, not with -Wl,-s)");
	return st;
}
