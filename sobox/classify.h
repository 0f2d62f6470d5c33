/*
 * classify.h - inside sig.c: the SysV x86-64 classification of a C type
 * read from DWARF (classify.c) and its C spelling (cdecl.c).
 */
#ifndef SOBOX_CLASSIFY_H
#define SOBOX_CLASSIFY_H

#include <elfutils/libdw.h>

/* The psABI's register classes (§3.2.3), one per eightbyte. */
enum sobox_class {
	SOBOX_NO_CLASS,
	SOBOX_INTEGER,
	SOBOX_SSE,
	SOBOX_SSEUP,
	SOBOX_X87,
	SOBOX_X87UP,
	SOBOX_COMPLEX_X87,
	SOBOX_MEMORY,
};

enum sobox_ptr { SOBOX_NOT_PTR, SOBOX_PTR, SOBOX_PTRPTR, SOBOX_FNPTR };

/* Types nested deeper than this (through members, arrays, typedefs,
   pointers) are taken for malformed DWARF. */
#define SOBOX_MAX_DEPTH 32

/* What the convention needs of one argument or result type. */
struct sobox_type {
	Dwarf_Word size;	/* bytes */
	Dwarf_Word align;	/* bytes, >= 1 */
	unsigned words;		/* eightbytes: (size + 7) / 8, at most 8 */
	int memory;		/* class MEMORY: the whole value in memory */
	enum sobox_class cls[8];	/* when !memory */
	enum sobox_ptr ptr;	/* a pointer (by value, not in a struct) */
};

/*
 * Classifies `type` (a DWARF type DIE; NULL: void, size 0). 0, or -1
 * when the type cannot be classified from what DWARF says (incomplete,
 * _Atomic, unknown base type, a layout DWARF does not explain).
 */
int sobox_classify(Dwarf_Die *type, struct sobox_type *t);

/* DW_AT_type of die into *out: 1, 0 when it has none (void), -1 bad. */
int sobox_type_of(Dwarf_Die *die, Dwarf_Die *out);

/*
 * The C declaration of `inner` as an object of `type` (NULL: void), e.g.
 * "const char *" for "" or "int (*f(int))(void)"; a DW_TAG_subprogram
 * is spelled as a function. Malloc'd; NULL when out of memory.
 */
char *sobox_cdecl(Dwarf_Die *type, const char *inner);

#endif
