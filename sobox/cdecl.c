/*
 * cdecl.c - a C declaration spelled from DWARF types, for -show-exports:
 * "int deflateInit2_(z_streamp, int, int, int, int, int, const char *, int)".
 *
 * C declarators grow inside out: a pointer puts "*" before what it
 * declares, an array or a function puts "[N]" or "(params)" after it,
 * and a pointer to either needs parentheses. Each step wraps `inner`,
 * the declarator built so far, and recurses to the type it refers to.
 */
#define _GNU_SOURCE
#include <dwarf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"

static char *decl(Dwarf_Die *type, const char *inner, unsigned depth);

/* A malloc'd string; NULL when out of memory. */
static char *str(const char *f, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, f);
	n = vasprintf(&s, f, ap);
	va_end(ap);
	return n < 0 ? NULL : s;
}

/* "TYPE inner", or "TYPE" alone. */
static char *join(const char *type, const char *inner)
{
	return *inner ? str("%s %s", type, inner) : str("%s", type);
}

/* gcc names complex types "complex float"; C spells "float _Complex". */
static char *base_name(Dwarf_Die *t)
{
	const char *n = dwarf_diename(t);

	if (!n)
		return str("?");
	if (!strncmp(n, "complex ", 8))
		return str("%s _Complex", n + 8);
	return str("%s", n);
}

static char *tag_name(Dwarf_Die *t)
{
	const char *n = dwarf_diename(t), *kw;

	switch (dwarf_tag(t)) {
	case DW_TAG_base_type:
		return base_name(t);
	case DW_TAG_typedef:
		return str("%s", n ? n : "?");
	case DW_TAG_structure_type: kw = "struct"; break;
	case DW_TAG_union_type: kw = "union"; break;
	case DW_TAG_enumeration_type: kw = "enum"; break;
	case DW_TAG_class_type: kw = "class"; break;
	default:
		return str("?");
	}
	return n ? str("%s %s", kw, n) : str("%s {...}", kw);
}

/* "(int, char *, ...)", "(void)" or "()" (not prototyped). */
static char *params(Dwarf_Die *fn, unsigned depth)
{
	char *list = str(""), *p, *next;
	Dwarf_Die c;
	int r;

	for (r = dwarf_child(fn, &c); list && r == 0; r = dwarf_siblingof(&c, &c)) {
		int tag = dwarf_tag(&c);
		Dwarf_Die t;
		if (tag == DW_TAG_unspecified_parameters)
			p = str("...");
		else if (tag != DW_TAG_formal_parameter)
			continue;
		else
			p = decl(sobox_type_of(&c, &t) > 0 ? &t : NULL, "", depth + 1);
		next = p ? str("%s%s%s", list, *list ? ", " : "", p) : NULL;
		free(p);
		free(list);
		list = next;
	}
	if (!list)
		return NULL;
	if (!*list && dwarf_hasattr(fn, DW_AT_prototyped))
		next = str("(void)");
	else
		next = str("(%s)", list);
	free(list);
	return next;
}

/* A qualifier stands after the "*" it qualifies, before anything else. */
static char *qualified(Dwarf_Die *t, Dwarf_Die *under, int has, const char *inner,
		       unsigned depth)
{
	const char *q = dwarf_tag(t) == DW_TAG_const_type ? "const" :
			dwarf_tag(t) == DW_TAG_volatile_type ? "volatile" :
			dwarf_tag(t) == DW_TAG_restrict_type ? "restrict" : "_Atomic";
	char *in, *d;

	if (has > 0 && dwarf_tag(under) == DW_TAG_pointer_type) {
		in = join(q, inner);
		d = in ? decl(under, in, depth + 1) : NULL;
		free(in);
		return d;
	}
	in = decl(has > 0 ? under : NULL, inner, depth + 1);
	d = in ? str("%s %s", q, in) : NULL;
	free(in);
	return d;
}

static char *pointer(Dwarf_Die *to, int has, const char *inner, unsigned depth)
{
	int tag = has > 0 ? dwarf_tag(to) : 0;
	char *in, *d;

	if (tag == DW_TAG_array_type || tag == DW_TAG_subroutine_type)
		in = str("(*%s)", inner);
	else
		in = str("*%s", inner);
	d = in ? decl(has > 0 ? to : NULL, in, depth + 1) : NULL;
	free(in);
	return d;
}

static char *array(Dwarf_Die *t, Dwarf_Die *elem, const char *inner, unsigned depth)
{
	char *in = str("%s", inner), *next, *d;
	Dwarf_Word size, n;
	Dwarf_Die c;
	int r;

	if (dwarf_hasattr(t, DW_AT_GNU_vector) && !dwarf_aggregate_size(t, &size)) {
		d = decl(elem, "", depth + 1);
		next = d ? str("%s __attribute__((vector_size(%lu)))", d, (unsigned long)size) : NULL;
		free(d);
		d = next ? join(next, inner) : NULL;
		free(next);
		free(in);
		return d;
	}
	for (r = dwarf_child(t, &c); in && r == 0; r = dwarf_siblingof(&c, &c)) {
		Dwarf_Attribute a;
		if (dwarf_tag(&c) != DW_TAG_subrange_type)
			continue;
		if (dwarf_attr(&c, DW_AT_count, &a) && !dwarf_formudata(&a, &n))
			next = str("%s[%lu]", in, (unsigned long)n);
		else if (dwarf_attr(&c, DW_AT_upper_bound, &a) && !dwarf_formudata(&a, &n))
			next = str("%s[%lu]", in, (unsigned long)n + 1);
		else
			next = str("%s[]", in);
		free(in);
		in = next;
	}
	d = in ? decl(elem, in, depth + 1) : NULL;
	free(in);
	return d;
}

static char *function(Dwarf_Die *fn, const char *inner, unsigned depth)
{
	char *p = params(fn, depth), *in, *d;
	Dwarf_Die ret;
	int has = sobox_type_of(fn, &ret);

	in = p ? str("%s%s", inner, p) : NULL;
	d = in ? decl(has > 0 ? &ret : NULL, in, depth + 1) : NULL;
	free(p);
	free(in);
	return d;
}

static char *named(Dwarf_Die *type, const char *inner)
{
	char *name = tag_name(type), *d = name ? join(name, inner) : NULL;

	free(name);
	return d;
}

static char *decl(Dwarf_Die *type, const char *inner, unsigned depth)
{
	Dwarf_Die under;
	int has;

	if (!type)
		return join("void", inner);
	if (depth > SOBOX_MAX_DEPTH)
		return join("?", inner);
	has = sobox_type_of(type, &under);
	switch (dwarf_tag(type)) {
	case DW_TAG_const_type: case DW_TAG_volatile_type:
	case DW_TAG_restrict_type: case DW_TAG_atomic_type:
		return qualified(type, &under, has, inner, depth);
	case DW_TAG_pointer_type:
		return pointer(&under, has, inner, depth);
	case DW_TAG_array_type:
		return has > 0 ? array(type, &under, inner, depth) : join("?", inner);
	case DW_TAG_subroutine_type: case DW_TAG_subprogram:
		return function(type, inner, depth);
	}
	return named(type, inner);
}

char *sobox_cdecl(Dwarf_Die *type, const char *inner)
{
	return decl(type, inner, 0);
}
