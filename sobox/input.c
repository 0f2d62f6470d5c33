/*
 * input.c - what sobox learns from INPUT: that it is an x86-64 shared
 * object (or a static archive, linked first) carrying the LFI note whose
 * code the verifier accepts, its SONAME, its exported functions with
 * their symbol versions, and the data objects that cannot be exported.
 *
 * The verifier runs here, at sobox time, so that a library that will
 * never load gets its one-line message now and not at every start of the
 * application (the runtime verifies again when it loads the code).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lfi_note.h"
#include "lfi_verify.h"
#include "sobox.h"

#define PAGE_SIZE 4096

static int has_lfi_note(Elf *e, const char *file)
{
	size_t size;
	const char *raw = elf_rawfile(e, &size);
	enum lfi_note_status st = raw ? lfi_note_in_elf(raw, size, NULL) :
					LFI_NOTE_OUTSIDE_FILE;

	return st == LFI_NOTE_OK ? 0 : fail(file, "%s", lfi_note_message(st));
}

/* A PIE program is ET_DYN too: the linker marks it DF_1_PIE (and a
   dynamic one names an interpreter). Also reads DT_SONAME. */
static int is_program(Elf *e, char **soname)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	GElf_Phdr ph;
	size_t n;

	if (!elf_getphdrnum(e, &n))
		for (size_t i = 0; i < n; i++)
			if (gelf_getphdr(e, i, &ph) && ph.p_type == PT_INTERP)
				return 1;
	while ((scn = elf_nextscn(e, scn))) {
		Elf_Data *d;
		GElf_Dyn dyn;
		const char *s;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNAMIC ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
			if (!gelf_getdyn(d, i, &dyn))
				continue;
			if (dyn.d_tag == DT_FLAGS_1 && (dyn.d_un.d_val & DF_1_PIE))
				return 1;
			if (dyn.d_tag == DT_SONAME && !*soname &&
			    (s = elf_strptr(e, sh.sh_link, dyn.d_un.d_val)))
				*soname = strdup(s);
		}
	}
	return 0;
}

/* --- the verifier ------------------------------------------------------ */

static void first_error(const struct lfi_error *err, void *ctx)
{
	*(struct lfi_error *)ctx = *err;
}

/* One executable segment as the runtime maps it: whole pages, int3
   where the file has no bytes (as lfi-verify does). 1: rejected, with
   the first error in *err; 0: accepted; -1: malformed or no memory. */
static int verify_segment(const struct lfi_verifier *v, const uint8_t *file,
			  size_t file_size, const GElf_Phdr *ph, struct lfi_error *err)
{
	uint64_t first = ph->p_vaddr & ~(uint64_t)(PAGE_SIZE - 1), size;
	struct lfi_verify_options opt = { .on_error = first_error, .ctx = err };
	uint8_t *pages;
	long n;

	if (ph->p_offset > file_size || ph->p_filesz > file_size - ph->p_offset ||
	    ph->p_filesz > ph->p_memsz || ph->p_memsz > (4ull << 30) ||
	    ph->p_vaddr > (1ull << 40))
		return -1;
	size = ((ph->p_vaddr + ph->p_memsz + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1)) -
	       first;
	if (!(pages = malloc(size ? size : 1)))
		return -1;
	memset(pages, 0xcc, size);
	memcpy(pages + (ph->p_vaddr - first), file + ph->p_offset, ph->p_filesz);
	n = lfi_verify(v, pages, size, first, &opt, NULL);
	free(pages);
	return n < 0 ? -1 : n > 0;
}

/* Every executable PT_LOAD; the first error found is the message. */
static int verify_code(Elf *e, const char *file)
{
	struct lfi_verifier *v = lfi_verifier_new();
	struct lfi_error err = { 0 };
	size_t size, n = 0;
	const uint8_t *raw = (const uint8_t *)elf_rawfile(e, &size);
	int st = 0;

	if (!v || !raw || elf_getphdrnum(e, &n))
		st = -1;
	for (size_t i = 0; i < n && !st; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(e, i, &ph))
			st = -1;
		else if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X))
			st = verify_segment(v, raw, size, &ph, &err);
	}
	lfi_verifier_free(v);
	if (st < 0)
		return fail(file, "cannot verify its code (malformed segments or no memory)");
	if (st > 0)
		return fail(file, "not LFI code: 0x%" PRIx64 ": `%s`: %s %s: %s%s%s%s",
			    err.address, err.insn, lfi_reason_rule(err.reason),
			    lfi_reason_name(err.reason), lfi_reason_text(err.reason),
			    err.detail[0] ? " (" : "", err.detail, err.detail[0] ? ")" : "");
	return 0;
}

/* --- symbols and versions ----------------------------------------------- */

static Elf_Scn *section(Elf *e, GElf_Word type, GElf_Shdr *sh)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(e, scn)))
		if (gelf_getshdr(scn, sh) && sh->sh_type == type)
			return scn;
	return NULL;
}

/* "A" or "A B": the parents a version script writes after the node
   (the verdaux entries after the node's own name). */
static char *parents_of(Elf *e, size_t strtab, Elf_Data *d, size_t aux, unsigned cnt)
{
	char *list = NULL, *grown;
	size_t len = 0;
	GElf_Verdaux va;
	const char *p;

	for (unsigned k = 1; k < cnt; k++) {
		if (!gelf_getverdaux(d, aux, &va) || !va.vda_next)
			break;
		aux += va.vda_next;
		if (!gelf_getverdaux(d, aux, &va) ||
		    !(p = elf_strptr(e, strtab, va.vda_name)) ||
		    !(grown = realloc(list, len + strlen(p) + 2)))
			break;
		list = grown;
		len += (size_t)sprintf(list + len, "%s%s", len ? " " : "", p);
	}
	return list;
}

/* realloc that leaves *p alone when it fails. */
static int resize(void *p, size_t n, size_t size)
{
	void **pp = p, *q = realloc(*pp, n * size);

	if (!q)
		return -1;
	*pp = q;
	return 0;
}

static int add_node(struct exports *x, char *name, char *parents)
{
	if (!name || resize(&x->node, x->n_nodes + 1, sizeof *x->node) ||
	    resize(&x->parents, x->n_nodes + 1, sizeof *x->parents))
		return -1;
	x->node[x->n_nodes] = name;
	x->parents[x->n_nodes++] = parents;
	return 0;
}

/*
 * .gnu.version_d: the nodes in order into x, and names[ndx] the name of
 * version index ndx (0x8000 entries). The base entry (the SONAME,
 * VER_FLG_BASE) is no node of a version script: its symbols are the
 * unversioned ones.
 */
static int read_verdefs(Elf *e, struct exports *x, char **names)
{
	GElf_Shdr sh;
	Elf_Scn *scn = section(e, SHT_GNU_verdef, &sh);
	Elf_Data *d = scn ? elf_getdata(scn, NULL) : NULL;
	size_t off = 0;

	for (size_t i = 0; d && i < sh.sh_info; i++) {
		GElf_Verdef vd;
		GElf_Verdaux va;
		const char *name;
		unsigned ndx;
		if (!gelf_getverdef(d, off, &vd) ||
		    !gelf_getverdaux(d, off + vd.vd_aux, &va) ||
		    !(name = elf_strptr(e, sh.sh_link, va.vda_name)))
			return -1;
		ndx = vd.vd_ndx & 0x7fff;
		if (!names[ndx] && !(names[ndx] = strdup(name)))
			return -1;
		if (!(vd.vd_flags & VER_FLG_BASE) &&
		    add_node(x, strdup(name),
			     parents_of(e, sh.sh_link, d, off + vd.vd_aux, vd.vd_cnt)))
			return -1;
		if (!vd.vd_next)
			break;
		off += vd.vd_next;
	}
	return 0;
}

static int add_export(struct exports *x, const char *name, const char *version,
		      int hidden, uint64_t value)
{
	size_t cap = x->cap ? 2 * x->cap : 16;

	for (size_t i = 0; i < x->n; i++)	/* the same symbol twice: one export */
		if (!strcmp(x->name[i], name) && !x->version[i] == !version &&
		    (!version || !strcmp(x->version[i], version)))
			return 0;
	if (x->n == x->cap &&
	    (resize(&x->name, cap, sizeof *x->name) || resize(&x->sym, cap, sizeof *x->sym) ||
	     resize(&x->version, cap, sizeof *x->version) ||
	     resize(&x->hidden, cap, sizeof *x->hidden) ||
	     resize(&x->value, cap, sizeof *x->value)))
		return -1;
	if (x->n == x->cap)
		x->cap = cap;
	x->sym[x->n] = NULL;
	x->hidden[x->n] = hidden;
	x->value[x->n] = value;
	x->version[x->n] = version ? strdup(version) : NULL;
	if (!(x->name[x->n] = strdup(name)) || (version && !x->version[x->n]))
		return -1;
	x->n++;
	return 0;
}

static int listed(const struct opts *o, const char *name)
{
	for (size_t j = 0; j < o->n_only; j++)
		if (!strcmp(o->only[j], name))
			return 1;
	return 0;
}

/* A data object cannot be forwarded by a trampoline: said, not exported
   (unless -export chose the exports: then naming one is an error). */
static int data_object(const struct opts *o, const char *file, const char *name)
{
	if (listed(o, name))
		return fail(file, "-export %s: a data object (only functions cross the box)",
			    name);
	if (!o->n_only)
		fprintf(stderr, "sobox: %s: not exported: data object %s "
				"(only functions cross the box)\n", file, name);
	return 0;
}

/*
 * The defined global and weak symbols of .dynsym with default visibility:
 * functions (without the linker's _init/_fini) into x with their version
 * (.gnu.version, index into `names`; bit 15: hidden, not the default),
 * data objects reported.
 */
static int read_symbols(const struct opts *o, Elf *e, const char *file,
			struct exports *x, char **names)
{
	GElf_Shdr sh, vsh;
	Elf_Scn *scn = section(e, SHT_DYNSYM, &sh), *vscn = section(e, SHT_GNU_versym, &vsh);
	Elf_Data *d = scn ? elf_getdata(scn, NULL) : NULL;
	Elf_Data *vd = vscn ? elf_getdata(vscn, NULL) : NULL;
	size_t n = d && sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;

	for (size_t i = 1; i < n; i++) {
		GElf_Sym s;
		GElf_Versym v = 1;
		const char *name, *version;
		int type;
		if (!gelf_getsym(d, i, &s) || s.st_shndx == SHN_UNDEF ||
		    (GELF_ST_BIND(s.st_info) != STB_GLOBAL &&
		     GELF_ST_BIND(s.st_info) != STB_WEAK) ||
		    GELF_ST_VISIBILITY(s.st_other) != STV_DEFAULT ||
		    !(name = elf_strptr(e, sh.sh_link, s.st_name)))
			continue;
		if (vd && !gelf_getversym(vd, i, &v))
			v = 1;
		version = (v & 0x7fff) > 1 ? names[v & 0x7fff] : NULL;
		type = GELF_ST_TYPE(s.st_info);
		if (type == STT_OBJECT || type == STT_TLS || type == STT_COMMON) {
			/* the linker's absolute symbol naming a version node */
			if (s.st_shndx == SHN_ABS && version && !strcmp(name, version))
				continue;
			if (data_object(o, file, name))
				return -1;
			continue;
		}
		if (type != STT_FUNC || !strcmp(name, "_init") || !strcmp(name, "_fini"))
			continue;
		if (!x->anchor && !(v & 0x8000) && c_name(name)) {
			if (!(x->anchor = strdup(name)))
				return fail(file, "%s", strerror(ENOMEM));
			x->anchor_value = s.st_value;
		}
		if (add_export(x, name, version, !!(v & 0x8000), s.st_value))
			return fail(file, "%s", strerror(ENOMEM));
	}
	return 0;
}

/* -export: only the named functions (all their versions) stay. */
static int select_exports(const struct opts *o, const char *file, struct exports *x)
{
	size_t k = 0;

	for (size_t j = 0; j < o->n_only; j++) {
		size_t i = 0;
		while (i < x->n && strcmp(x->name[i], o->only[j]))
			i++;
		if (i == x->n)
			return fail(file, "-export %s: no such exported function", o->only[j]);
	}
	for (size_t i = 0; i < x->n && o->n_only; i++) {
		if (!listed(o, x->name[i]))
			continue;
		x->name[k] = x->name[i];
		x->version[k] = x->version[i];
		x->hidden[k] = x->hidden[i];
		x->value[k++] = x->value[i];
	}
	if (o->n_only)
		x->n = k;
	return 0;
}

/* The trampolines' host symbols (struct exports in sobox.h). */
static int name_trampolines(const char *file, struct exports *x)
{
	for (size_t i = 0; i < x->n; i++) {
		if (!c_name(x->name[i]))
			return fail(file, "export `%s` is not a C name", x->name[i]);
		if (x->hidden[i] && !x->anchor)
			return fail(file, "%s@%s: no function at a default version to "
				    "reach it from", x->name[i], x->version[i]);
		if (!x->hidden[i])
			x->sym[i] = strdup(x->name[i]);
		else if (asprintf(&x->sym[i], "sobox_v%zu_%s", i, x->name[i]) < 0)
			x->sym[i] = NULL;
		if (!x->sym[i])
			return fail(file, "%s", strerror(ENOMEM));
	}
	return 0;
}

static int read_exports(const struct opts *o, Elf *e, const char *file,
			struct exports *x)
{
	char **names = calloc(0x8000, sizeof *names);	/* version index -> name */
	int err;

	if (!names || read_verdefs(e, x, names))
		err = fail(file, "unreadable symbol versions");
	else
		err = read_symbols(o, e, file, x, names) || select_exports(o, file, x) ||
		      name_trampolines(file, x);
	for (size_t i = 0; names && i < 0x8000; i++)
		free(names[i]);
	free(names);
	if (err)
		return -1;
	return x->n ? 0 : fail(file, "exports no functions");
}

/* `file` names INPUT in messages; `path` is what is read (INPUT, or
   the library linked from it). */
static int read_elf(const struct opts *o, const char *file, const char *path,
		    struct exports *x)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = -1;
	Elf *e;
	GElf_Ehdr eh;

	if (fd < 0)
		return fail(file, "%s", strerror(errno));
	elf_version(EV_CURRENT);
	e = elf_begin(fd, ELF_C_READ, NULL);
	if (!e || elf_kind(e) != ELF_K_ELF)
		fail(file, "not an ELF file");
	else if (!gelf_getehdr(e, &eh) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
		 eh.e_machine != EM_X86_64)
		fail(file, "not an x86-64 ELF file");
	else if (eh.e_type != ET_DYN || is_program(e, &x->soname))
		fail(file, "not a shared object");
	else if (!has_lfi_note(e, file) && !verify_code(e, file))
		err = read_exports(o, e, file, x);
	elf_end(e);
	close(fd);
	return err;
}

/* 1: a static archive (ar's magic, thin ones too); 0: anything else,
   which read_elf judges; -1 after a message. */
static int is_archive(const char *file)
{
	char magic[8];
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, magic, sizeof magic);
	close(fd);
	if (n < 0)
		return fail(file, "%s", strerror(errno));
	return n == 8 && (!memcmp(magic, "!<arch>\n", 8) || !memcmp(magic, "!<thin>\n", 8));
}

int read_input(struct opts *o, const char *dir, const char *tool_dir,
	       struct exports *x)
{
	char so[PATH_MAX];
	int ar = is_archive(o->input);

	o->so = o->input;
	if (ar < 0)
		return -1;
	if (ar && (link_archive(o, dir, tool_dir, so) || !(o->so = strdup(so))))
		return -1;
	return read_elf(o, o->input, o->so, x);
}
