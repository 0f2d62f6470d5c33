/*
 * sig.c - each export's calling convention, read from the library's
 * DWARF with libdw (sig.h): the registers and stack its arguments take
 * under the SysV x86-64 psABI, which of them are pointers, and how the
 * result comes back. classify.c classifies one type, cdecl.c spells it.
 */
#define _GNU_SOURCE
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "classify.h"
#include "sig.h"

void sobox_sig_unknown(struct sobox_sig *s)
{
	char *name = s->name;

	free(s->proto);
	memset(s, 0, sizeof *s);
	s->name = name;
	s->why_unknown = "no DWARF";
	s->n_int = 6;
	s->n_sse = 8;
	s->ret = SOBOX_RET_REGS;
	s->ret_sse = 2;
}

void sobox_sig_free(struct sobox_sig *s)
{
	free(s->name);
	free(s->proto);
	s->name = s->proto = NULL;
}

static int unknown(struct sobox_sig *s, const char *why)
{
	sobox_sig_unknown(s);
	s->why_unknown = why;
	return 1;
}

/* A struct passed by value larger than this is not copied to the
   sandbox stack (1 MiB): its function is left to the fallback. */
#define SOBOX_MAX_ARG 65536

static unsigned round_up(unsigned x, unsigned a)
{
	return (x + a - 1) / a * a;
}

static void set_ret(struct sobox_sig *s, const struct sobox_type *t)
{
	s->ret_size = t->size;
	s->ret_ptr = t->ptr != SOBOX_NOT_PTR;
	if (t->memory) {
		s->ret = SOBOX_RET_MEMORY;
		s->n_int = 1;	/* the hidden pointer, in %rdi */
	} else if (!t->size) {
		s->ret = SOBOX_RET_VOID;
	} else if (t->cls[0] == SOBOX_X87 || t->cls[0] == SOBOX_COMPLEX_X87) {
		s->ret = SOBOX_RET_X87;
	} else {
		s->ret = SOBOX_RET_REGS;
		for (unsigned i = 0; i < t->words; i++)
			s->ret_sse += t->cls[i] == SOBOX_SSE;
	}
}

/*
 * An argument goes in registers only if all its eightbytes fit in the
 * registers left; otherwise all of it goes on the stack, at its type's
 * alignment (8 at least), and later arguments may still take registers.
 * X87 classes are passed in memory.
 */
static void place(struct sobox_sig *s, const struct sobox_type *t)
{
	unsigned ni = 0, ns = 0, off, align = t->align > 8 ? t->align : 8;
	int mem = t->memory;

	for (unsigned i = 0; i < t->words; i++) {
		ni += t->cls[i] == SOBOX_INTEGER;
		ns += t->cls[i] == SOBOX_SSE;
		mem |= t->cls[i] == SOBOX_X87 || t->cls[i] == SOBOX_X87UP ||
		       t->cls[i] == SOBOX_COMPLEX_X87;
	}
	if (!mem && s->n_int + ni <= 6 && s->n_sse + ns <= 8) {
		if (t->ptr != SOBOX_NOT_PTR)
			s->int_ptr |= 1u << s->n_int;
		if (t->ptr == SOBOX_PTRPTR)
			s->int_ptrptr |= 1u << s->n_int;
		s->n_int += ni;
		s->n_sse += ns;
		if (ns && t->size > 16)
			s->wide = 1;
		return;
	}
	off = round_up(s->stack_bytes, align);
	if (t->ptr != SOBOX_NOT_PTR && s->n_stack_ptrs < SOBOX_MAX_STACK_PTRS)
		s->stack_ptr[s->n_stack_ptrs++] = off;
	s->stack_bytes = off + round_up(t->size, 8);
}

static bool flag(Dwarf_Die *d, unsigned name)
{
	Dwarf_Attribute a;
	bool b;

	return dwarf_attr_integrate(d, name, &a) && !dwarf_formflag(&a, &b) && b;
}

/* The parameters in order; `...` makes it variadic. */
static int params(Dwarf_Die *fn, struct sobox_sig *s)
{
	struct sobox_type t;
	Dwarf_Die c, type;
	int r;

	for (r = dwarf_child(fn, &c); r == 0; r = dwarf_siblingof(&c, &c)) {
		if (dwarf_tag(&c) == DW_TAG_unspecified_parameters)
			s->variadic = 1;
		if (dwarf_tag(&c) != DW_TAG_formal_parameter)
			continue;
		if (sobox_type_of(&c, &type) <= 0)
			return unknown(s, "a parameter without a type");
		if (sobox_classify(&type, &t))
			return unknown(s, "a parameter type sobox cannot classify");
		if (t.size > SOBOX_MAX_ARG)
			return unknown(s, "a parameter too large to copy");
		place(s, &t);
	}
	return r < 0 ? unknown(s, "malformed DWARF") : 0;
}

/* 0: s is known; 1: unknown (s->why_unknown says why); -1: no memory. */
static int sig_of(Dwarf_Die *fn, struct sobox_sig *s)
{
	struct sobox_type t;
	Dwarf_Die type;
	int has = sobox_type_of(fn, &type), r;

	if (!flag(fn, DW_AT_prototyped))
		return unknown(s, "not prototyped");
	*s = (struct sobox_sig){ .name = s->name };	/* from the fallback */
	if (has < 0 || sobox_classify(has ? &type : NULL, &t))
		return unknown(s, "a result type sobox cannot classify");
	set_ret(s, &t);
	if ((r = params(fn, s)))
		return r;
	if (s->variadic) {	/* any register may carry a variadic argument */
		s->n_int = 6;
		s->n_sse = 8;
		s->stack_bytes += SOBOX_VARIADIC_STACK;
	}
	if (!(s->proto = sobox_cdecl(fn, s->name)))
		return -1;
	s->known = 1;
	s->why_unknown = NULL;
	return 0;
}

/* --- finding the definitions ------------------------------------------- */

struct wanted {
	const char *name;
	size_t i;		/* in names[] and sigs[] */
	int found;
	GElf_Addr addr;		/* its symbol's value, for aliases */
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct wanted *)a)->name, ((const struct wanted *)b)->name);
}

/*
 * The DIE of an exported function's definition that holds its name,
 * type and parameters. An out-of-line copy of a function also inlined
 * (DW_AT_abstract_origin) is skipped: its abstract instance is a DIE
 * of the unit too. A definition with DW_AT_specification takes the
 * name from the declaration it points to.
 */
static bool is_definition(Dwarf_Die *d)
{
	return dwarf_tag(d) == DW_TAG_subprogram && flag(d, DW_AT_external) &&
	       !dwarf_hasattr(d, DW_AT_declaration) &&
	       !dwarf_hasattr(d, DW_AT_abstract_origin);
}

static struct wanted *lookup(Dwarf_Die *d, unsigned attr, struct wanted *w, size_t n)
{
	Dwarf_Attribute a;
	struct wanted key;

	if (!dwarf_attr_integrate(d, attr, &a) || !(key.name = dwarf_formstring(&a)))
		return NULL;
	return bsearch(&key, w, n, sizeof *w, by_name);
}

/* Definitions by name in the top-level DIEs of every unit; 0, or -1
   when out of memory. */
static int by_names(Dwarf *dw, struct wanted *w, size_t n, struct sobox_sig *sigs)
{
	Dwarf_CU *cu = NULL;
	Dwarf_Die cudie, d;
	size_t left = n;
	int err = 0;

	while (!err && left && dwarf_get_units(dw, cu, &cu, NULL, NULL, &cudie, NULL) == 0) {
		for (int r = dwarf_child(&cudie, &d); !err && r == 0; r = dwarf_siblingof(&d, &d)) {
			struct wanted *m;
			if (!is_definition(&d) || (!(m = lookup(&d, DW_AT_name, w, n)) &&
						   !(m = lookup(&d, DW_AT_linkage_name, w, n))) ||
			    m->found)
				continue;
			m->found = 1;
			left--;
			err = sig_of(&d, &sigs[m->i]) < 0 ? -1 : 0;
		}
	}
	return err;
}

/* The values of the .dynsym functions still wanted (0: none). */
static size_t alias_addrs(Elf *e, struct wanted *w, size_t n)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	GElf_Sym sym;
	size_t count = 0;

	while ((scn = elf_nextscn(e, scn))) {
		Elf_Data *d;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNSYM ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		for (size_t i = 1; i < sh.sh_size / sh.sh_entsize; i++) {
			struct wanted key, *m;
			if (!gelf_getsym(d, i, &sym) || sym.st_shndx == SHN_UNDEF ||
			    GELF_ST_TYPE(sym.st_info) != STT_FUNC || !sym.st_value ||
			    !(key.name = elf_strptr(e, sh.sh_link, sym.st_name)) ||
			    !(m = bsearch(&key, w, n, sizeof *w, by_name)) || m->found)
				continue;
			m->addr = sym.st_value;
			count++;
		}
	}
	return count;
}

/* The DIE with the name, type and parameters of the function at d. */
static int origin(Dwarf_Die *d, Dwarf_Die *out)
{
	Dwarf_Attribute a;

	*out = *d;
	if (dwarf_attr(d, DW_AT_abstract_origin, &a) && !dwarf_formref_die(&a, out))
		return -1;
	return dwarf_hasattr(out, DW_AT_declaration) ? -1 : 0;
}

/*
 * An export no definition is named after may be an alias
 * (__attribute__((alias)), musl's weak_alias) of a function defined
 * under another name, static or not: the definition whose code starts
 * at the export's address describes it. 0, or -1 when out of memory.
 */
static int by_addresses(Elf *e, Dwarf *dw, struct wanted *w, size_t n,
			struct sobox_sig *sigs)
{
	Dwarf_CU *cu = NULL;
	Dwarf_Die cudie, d, fn;
	Dwarf_Addr pc;
	int err = 0;

	if (!alias_addrs(e, w, n))
		return 0;
	while (!err && dwarf_get_units(dw, cu, &cu, NULL, NULL, &cudie, NULL) == 0) {
		for (int r = dwarf_child(&cudie, &d); !err && r == 0; r = dwarf_siblingof(&d, &d)) {
			if (dwarf_tag(&d) != DW_TAG_subprogram || dwarf_lowpc(&d, &pc) ||
			    origin(&d, &fn))
				continue;
			for (size_t j = 0; !err && j < n; j++) {
				if (w[j].found || w[j].addr != pc)
					continue;
				w[j].found = 1;
				err = sig_of(&fn, &sigs[w[j].i]) < 0 ? -1 : 0;
			}
		}
	}
	return err;
}

static bool has_debug_info(Elf *e)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	size_t shstr;
	const char *name;

	if (elf_getshdrstrndx(e, &shstr))
		return false;
	while ((scn = elf_nextscn(e, scn)))
		if (gelf_getshdr(scn, &sh) && (name = elf_strptr(e, shstr, sh.sh_name)) &&
		    (!strcmp(name, ".debug_info") || !strcmp(name, ".zdebug_info")))
			return true;
	return false;
}

static int read_dwarf(Elf *e, struct sobox_sig *sigs, char *const names[], size_t n,
		      char *why, size_t why_size)
{
	struct wanted *w = malloc((n ? n : 1) * sizeof *w);
	Dwarf *dw;
	int err = -1;

	if (!w) {
		snprintf(why, why_size, "%s", strerror(ENOMEM));
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		w[i] = (struct wanted){ .name = names[i], .i = i };
	qsort(w, n, sizeof *w, by_name);
	if (!(dw = dwarf_begin_elf(e, DWARF_C_READ, NULL)))
		snprintf(why, why_size, "bad DWARF: %s", dwarf_errmsg(-1));
	else if ((err = by_names(dw, w, n, sigs)) || (err = by_addresses(e, dw, w, n, sigs)))
		snprintf(why, why_size, "%s", strerror(ENOMEM));
	if (dw)
		dwarf_end(dw);
	free(w);
	return err;
}

int sobox_sigs_read(const char *path, char *const names[], size_t n,
		    struct sobox_sig *sigs, char *why, size_t why_size)
{
	int fd, err = -1;
	Elf *e;

	memset(sigs, 0, n * sizeof *sigs);
	for (size_t i = 0; i < n; i++) {
		if (!(sigs[i].name = strdup(names[i]))) {
			snprintf(why, why_size, "%s", strerror(ENOMEM));
			return -1;
		}
		sobox_sig_unknown(&sigs[i]);
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		snprintf(why, why_size, "%s", strerror(errno));
		return -1;
	}
	elf_version(EV_CURRENT);
	if (!(e = elf_begin(fd, ELF_C_READ, NULL)) || elf_kind(e) != ELF_K_ELF)
		snprintf(why, why_size, "not an ELF file");
	else
		err = has_debug_info(e) ? read_dwarf(e, sigs, names, n, why, why_size) : 0;
	elf_end(e);
	close(fd);
	return err;
}

/* --- printing ----------------------------------------------------------- */

static void print_ret(FILE *f, const struct sobox_sig *s)
{
	switch (s->ret) {
	case SOBOX_RET_VOID:
		fprintf(f, "ret void");
		break;
	case SOBOX_RET_REGS:
		fprintf(f, "ret %s", s->ret_ptr ? "ptr" : "regs");
		if (s->ret_sse)
			fprintf(f, " (sse %d)", s->ret_sse);
		break;
	case SOBOX_RET_X87:
		fprintf(f, "ret x87");
		break;
	case SOBOX_RET_MEMORY:
		fprintf(f, "ret memory %u", s->ret_size);
		break;
	}
}

void sobox_sig_print(FILE *f, const struct sobox_sig *s)
{
	if (!s->known) {
		fprintf(f, "%s: unknown signature (%s): all argument registers forwarded, "
			   "no stack arguments\n", s->name,
			s->why_unknown ? s->why_unknown : "no DWARF");
		return;
	}
	fprintf(f, "%s: %s  [int %u, sse %u, stack %u, ptr args 0x%x", s->name,
		s->proto, s->n_int, s->n_sse, s->stack_bytes, s->int_ptr);
	if (s->int_ptrptr)
		fprintf(f, ", out args 0x%x", s->int_ptrptr);
	if (s->n_stack_ptrs) {
		fprintf(f, ", stack ptrs");
		for (unsigned i = 0; i < s->n_stack_ptrs; i++)
			fprintf(f, " %u", s->stack_ptr[i]);
	}
	fprintf(f, ", ");
	print_ret(f, s);
	fprintf(f, "]\n");
}

int sobox_sigs_show(FILE *f, const char *path, char *const names[], size_t n)
{
	struct sobox_sig *sigs = calloc(n ? n : 1, sizeof *sigs);
	char why[256];
	int err;

	if (!sigs) {
		fprintf(stderr, "sobox: %s: %s\n", path, strerror(ENOMEM));
		return -1;
	}
	if ((err = sobox_sigs_read(path, names, n, sigs, why, sizeof why)))
		fprintf(stderr, "sobox: %s: %s\n", path, why);
	for (size_t i = 0; i < n; i++) {
		if (!err)
			sobox_sig_print(f, &sigs[i]);
		sobox_sig_free(&sigs[i]);
	}
	free(sigs);
	return err;
}
