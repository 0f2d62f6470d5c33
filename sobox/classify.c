/*
 * classify.c - the SysV x86-64 classification (psABI §3.2.3) of a C type
 * read from DWARF. Where the psABI text leaves room, gcc's
 * classify_argument (gcc/config/i386/i386.cc) is the reference: the
 * library was compiled by gcc and its callers are too.
 *
 * Eightbytes are classified at their absolute bit position in the
 * outermost type, which is what gcc's recursion with bit offsets
 * amounts to for C types.
 */
#include <dwarf.h>
#include <string.h>

#include "classify.h"

typedef Dwarf_Word word;

/* The classes of an aggregate being merged, one per eightbyte. */
struct acc {
	enum sobox_class cls[8];
	unsigned words;
	long steps;	/* DIEs left to visit (see spend) */
};

/* A scalar's classes at offset 0, its size and natural alignment. */
struct scalar {
	enum sobox_class cls[8];
	unsigned n;
	word size, align;
};

static int into(Dwarf_Die *type, word bit, struct acc *c, unsigned depth);
static int align_of(Dwarf_Die *type, unsigned depth, long *steps, word *align);

/* Malformed DWARF can share one type among many members at every level
   and make a walk of a few dozen DIEs exponential: each classification
   visits at most SOBOX_MAX_STEPS. */
#define SOBOX_MAX_STEPS 100000

static int spend(long *steps)
{
	return --*steps < 0;
}

int sobox_type_of(Dwarf_Die *die, Dwarf_Die *out)
{
	Dwarf_Attribute a;

	if (!dwarf_attr_integrate(die, DW_AT_type, &a))
		return 0;
	return dwarf_formref_die(&a, out) ? 1 : -1;
}

/* C's unqualified type: typedefs, const, volatile and restrict peeled
   (_Atomic is not: it may change the size). 1, 0 for void, -1. */
static int strip(Dwarf_Die *die, Dwarf_Die *out)
{
	*out = *die;
	for (int i = 0; i < SOBOX_MAX_DEPTH; i++) {
		int tag = dwarf_tag(out), r;
		if (tag != DW_TAG_typedef && tag != DW_TAG_const_type &&
		    tag != DW_TAG_volatile_type && tag != DW_TAG_restrict_type)
			return 1;
		if ((r = sobox_type_of(out, out)) <= 0)
			return r;
	}
	return -1;
}

static int udata(Dwarf_Die *die, unsigned name, word *v)
{
	Dwarf_Attribute a;

	return dwarf_attr(die, name, &a) ? dwarf_formudata(&a, v) : 1;
}

static word round_up(word x, word a)
{
	return a ? (x + a - 1) / a * a : x;
}

/* psABI merge rules (a)-(f) of §3.2.3, in gcc's order. */
static enum sobox_class merge(enum sobox_class a, enum sobox_class b)
{
	if (a == b || b == SOBOX_NO_CLASS)
		return a;
	if (a == SOBOX_NO_CLASS)
		return b;
	if (a == SOBOX_MEMORY || b == SOBOX_MEMORY)
		return SOBOX_MEMORY;
	if (a == SOBOX_INTEGER || b == SOBOX_INTEGER)
		return SOBOX_INTEGER;
	if (a == SOBOX_X87 || a == SOBOX_X87UP || a == SOBOX_COMPLEX_X87 ||
	    b == SOBOX_X87 || b == SOBOX_X87UP || b == SOBOX_COMPLEX_X87)
		return SOBOX_MEMORY;
	return SOBOX_SSE;
}

static void put(struct acc *c, word bit, enum sobox_class k)
{
	if (bit / 64 < c->words)
		c->cls[bit / 64] = merge(c->cls[bit / 64], k);
}

static void set(struct scalar *s, unsigned n, enum sobox_class first,
		enum sobox_class rest)
{
	s->n = n;
	s->cls[0] = first;
	for (unsigned i = 1; i < n; i++)
		s->cls[i] = rest;
}

/* __float128, _Float128 and _Decimal128 are SSE, long double is X87:
   DWARF tells them apart only by name. */
static int is_128(Dwarf_Die *t)
{
	const char *n = dwarf_diename(t);

	return n && strstr(n, "128");
}

static int float_scalar(Dwarf_Die *t, struct scalar *s)
{
	if (s->size == 2 || s->size == 4 || s->size == 8)
		set(s, 1, SOBOX_SSE, SOBOX_NO_CLASS);
	else if (s->size == 16 && is_128(t))
		set(s, 2, SOBOX_SSE, SOBOX_SSEUP);
	else if (s->size == 16)
		set(s, 2, SOBOX_X87, SOBOX_X87UP);
	else
		return -1;
	return 0;
}

/* gcc gives float _Complex one SSE eightbyte, even where a struct puts
   its imaginary part in the next one (its "ABI changed in GCC 4.4"). */
static int complex_scalar(Dwarf_Die *t, struct scalar *s)
{
	s->align = s->size / 2;
	if (s->size == 4 || s->size == 8)
		set(s, 1, SOBOX_SSE, SOBOX_NO_CLASS);
	else if (s->size == 16)
		set(s, 2, SOBOX_SSE, SOBOX_SSE);
	else if (s->size == 32 && !is_128(t))
		set(s, 1, SOBOX_COMPLEX_X87, SOBOX_NO_CLASS);
	else if (s->size == 32)
		set(s, 1, SOBOX_MEMORY, SOBOX_NO_CLASS);
	else
		return -1;
	return 0;
}

static int base_scalar(Dwarf_Die *t, struct scalar *s)
{
	word enc;

	if (udata(t, DW_AT_encoding, &enc))
		return -1;
	switch (enc) {
	case DW_ATE_boolean: case DW_ATE_signed: case DW_ATE_unsigned:
	case DW_ATE_signed_char: case DW_ATE_unsigned_char: case DW_ATE_UTF:
		if (s->size == 16) {
			set(s, 2, SOBOX_INTEGER, SOBOX_INTEGER);
			return 0;
		}
		set(s, 1, SOBOX_INTEGER, SOBOX_NO_CLASS);
		return s->size == 1 || s->size == 2 || s->size == 4 || s->size == 8 ? 0 : -1;
	case DW_ATE_float: case DW_ATE_decimal_float:
		return float_scalar(t, s);
	case DW_ATE_complex_float:
		return complex_scalar(t, s);
	}
	return -1;
}

/* __m64, __m128, __m256, __m512: the first eightbyte SSE, the rest SSEUP
   (one vector register). */
static int vector_scalar(struct scalar *s)
{
	if (s->size != 8 && s->size != 16 && s->size != 32 && s->size != 64)
		return -1;
	set(s, s->size / 8, SOBOX_SSE, SOBOX_SSEUP);
	return 0;
}

/* t (stripped) as a scalar: 1 if it is one, 0 if not, -1 if unsupported. */
static int scalar_of(Dwarf_Die *t, struct scalar *s)
{
	int tag = dwarf_tag(t);

	if (tag != DW_TAG_base_type && tag != DW_TAG_pointer_type &&
	    tag != DW_TAG_reference_type && tag != DW_TAG_rvalue_reference_type &&
	    tag != DW_TAG_enumeration_type &&
	    !(tag == DW_TAG_array_type && dwarf_hasattr(t, DW_AT_GNU_vector)))
		return 0;
	if (dwarf_aggregate_size(t, &s->size)) {
		if (tag != DW_TAG_pointer_type)
			return -1;
		s->size = 8;
	}
	s->align = s->size;
	if (tag == DW_TAG_base_type)
		return base_scalar(t, s) ? -1 : 1;
	if (tag == DW_TAG_array_type)
		return vector_scalar(s) ? -1 : 1;
	set(s, 1, SOBOX_INTEGER, SOBOX_NO_CLASS);
	return s->size == 1 || s->size == 2 || s->size == 4 || s->size == 8 ? 1 : -1;
}

/* A member's byte offset: a constant, or in DWARF 2 the expression
   DW_OP_plus_uconst N; none (a union member) is 0. */
static int member_offset(Dwarf_Die *m, word *loc)
{
	Dwarf_Attribute a;
	Dwarf_Op *ops;
	size_t n;

	*loc = 0;
	if (!dwarf_attr(m, DW_AT_data_member_location, &a) || !dwarf_formudata(&a, loc))
		return 0;
	if (dwarf_getlocation(&a, &ops, &n) || n != 1 || ops[0].atom != DW_OP_plus_uconst)
		return -1;
	*loc = ops[0].number;
	return 0;
}

/* The bit position of a struct member and its width if a bit-field
   (else 0). DWARF 4+ gives DW_AT_data_bit_offset; DWARF 2/3 counted
   DW_AT_bit_offset from the top of the storage unit. */
static int member_bit(Dwarf_Die *m, word *pos, word *bits)
{
	word loc, off, unit;

	*bits = 0;
	if (udata(m, DW_AT_bit_size, bits) < 0)
		return -1;
	if (!udata(m, DW_AT_data_bit_offset, pos))
		return 0;
	if (member_offset(m, &loc))
		return -1;
	*pos = loc * 8;
	if (*bits && !udata(m, DW_AT_bit_offset, &off)) {
		if (udata(m, DW_AT_byte_size, &unit))
			return -1;
		*pos += unit * 8 - off - *bits;
	}
	return 0;
}

/* A data member (not a C++ static member). */
static int is_field(Dwarf_Die *m)
{
	return dwarf_tag(m) == DW_TAG_member && !dwarf_hasattr(m, DW_AT_declaration) &&
	       !dwarf_hasattr(m, DW_AT_external);
}

/* A member's bits: [*pos, *pos + *size); a flexible array has size 0. */
static int member_span(Dwarf_Die *m, Dwarf_Die *mt, word *pos, word *size)
{
	word bits;

	if (member_bit(m, pos, &bits) || sobox_type_of(m, mt) <= 0)
		return -1;
	if (bits)
		*size = bits;
	else if (dwarf_aggregate_size(mt, size))
		*size = 0;
	else
		*size *= 8;
	return 0;
}

/*
 * A struct's or union's alignment, from its members as gcc lays them
 * out. -1 when DWARF does not explain the layout: a gap before a member
 * or at the end larger than alignment needs is an unnamed bit-field
 * (which DWARF omits but gcc classifies INTEGER) or an alignment
 * attribute DWARF did not record. A misaligned member means packed.
 */
static int record_align(Dwarf_Die *t, unsigned depth, long *steps, word *align)
{
	int is_union = dwarf_tag(t) == DW_TAG_union_type, packed = 0, r;
	word a = 1, end = 0, size, pos, msize, ma, explicit_align = 0;
	Dwarf_Die m, mt;

	if (dwarf_aggregate_size(t, &size))
		return -1;	/* incomplete */
	for (r = dwarf_child(t, &m); r == 0; r = dwarf_siblingof(&m, &m)) {
		if (!is_field(&m))
			continue;
		if (member_span(&m, &mt, &pos, &msize) ||
		    align_of(&mt, depth + 1, steps, &ma) || (is_union && pos))
			return -1;
		if (!udata(&m, DW_AT_alignment, &explicit_align) && explicit_align > ma)
			ma = explicit_align;
		if (pos > round_up(end, ma * 8))
			return -1;
		if (pos % (ma * 8) && !dwarf_hasattr(&m, DW_AT_bit_size))
			packed = 1;
		end = pos + msize > end ? pos + msize : end;
		a = ma > a ? ma : a;
	}
	if (r < 0)
		return -1;
	if (packed || size % a)
		a = 1;
	if (!udata(t, DW_AT_alignment, &explicit_align) && explicit_align > a)
		a = explicit_align;
	if (size * 8 > round_up(end, a * 8))
		return -1;
	*align = a;
	return 0;
}

static int align_of(Dwarf_Die *type, unsigned depth, long *steps, word *align)
{
	Dwarf_Die t, elem;
	struct scalar s;
	int r, tag;

	if (depth > SOBOX_MAX_DEPTH || spend(steps) || strip(type, &t) <= 0)
		return -1;
	if ((r = scalar_of(&t, &s)) != 0) {
		*align = s.align;
		return r < 0 ? -1 : 0;
	}
	tag = dwarf_tag(&t);
	if (tag == DW_TAG_array_type)
		return sobox_type_of(&t, &elem) <= 0 ? -1 : align_of(&elem, depth + 1, steps, align);
	if (tag == DW_TAG_structure_type || tag == DW_TAG_union_type ||
	    tag == DW_TAG_class_type)
		return record_align(&t, depth, steps, align);
	return -1;
}

static int into_scalar(const struct scalar *s, word bit, struct acc *c)
{
	if (bit % (s->align * 8)) {	/* a misaligned field (packed) */
		put(c, bit, SOBOX_MEMORY);
		return 0;
	}
	for (unsigned i = 0; i < s->n; i++)
		put(c, bit + 64 * i, s->cls[i]);
	return 0;
}

/* Each element at its place; a flexible array member counts for nothing. */
static int into_array(Dwarf_Die *t, word bit, struct acc *c, unsigned depth)
{
	Dwarf_Die elem;
	word size, esize;

	if (sobox_type_of(t, &elem) <= 0 || dwarf_aggregate_size(&elem, &esize))
		return -1;
	if (dwarf_aggregate_size(t, &size) || !esize)
		return 0;
	for (word i = 0; i < size / esize && (bit + i * esize * 8) / 64 < c->words; i++)
		if (into(&elem, bit + i * esize * 8, c, depth + 1))
			return -1;
	return 0;
}

/* Bit-fields are INTEGER in every eightbyte they touch (gcc). */
static int into_record(Dwarf_Die *t, word bit, struct acc *c, unsigned depth)
{
	Dwarf_Die m, mt;
	word pos, bits;
	int r;

	for (r = dwarf_child(t, &m); r == 0; r = dwarf_siblingof(&m, &m)) {
		if (!is_field(&m))
			continue;
		if (member_bit(&m, &pos, &bits))
			return -1;
		if (bits) {
			for (word b = (bit + pos) / 64 * 64; b < bit + pos + bits; b += 64)
				put(c, b, SOBOX_INTEGER);
		} else if (sobox_type_of(&m, &mt) <= 0 || into(&mt, bit + pos, c, depth + 1)) {
			return -1;
		}
	}
	return r < 0 ? -1 : 0;
}

static int into(Dwarf_Die *type, word bit, struct acc *c, unsigned depth)
{
	Dwarf_Die t;
	struct scalar s;
	int r, tag;

	if (depth > SOBOX_MAX_DEPTH || spend(&c->steps) || strip(type, &t) <= 0)
		return -1;
	if ((r = scalar_of(&t, &s)) != 0)
		return r < 0 ? -1 : into_scalar(&s, bit, c);
	tag = dwarf_tag(&t);
	if (tag == DW_TAG_array_type)
		return into_array(&t, bit, c, depth);
	if (tag == DW_TAG_structure_type || tag == DW_TAG_union_type ||
	    tag == DW_TAG_class_type)
		return into_record(&t, bit, c, depth);
	return -1;
}

/* The psABI's post-merger cleanup of an aggregate: 1 if MEMORY. */
static int post_merge(struct acc *c)
{
	if (c->words > 2) {	/* only a vector fills more than two eightbytes */
		if (c->cls[0] != SOBOX_SSE)
			return 1;
		for (unsigned i = 1; i < c->words; i++)
			if (c->cls[i] != SOBOX_SSEUP)
				return 1;
	}
	for (unsigned i = 0; i < c->words; i++) {
		enum sobox_class prev = i ? c->cls[i - 1] : SOBOX_NO_CLASS;
		if (c->cls[i] == SOBOX_MEMORY ||
		    (c->cls[i] == SOBOX_X87UP && prev != SOBOX_X87))
			return 1;
		if (c->cls[i] == SOBOX_SSEUP && prev != SOBOX_SSE && prev != SOBOX_SSEUP)
			c->cls[i] = SOBOX_SSE;
	}
	return 0;
}

/* A pointer, a pointer to a pointer (an out-value), or to a function. */
static enum sobox_ptr ptr_kind(Dwarf_Die *t)
{
	Dwarf_Die p;
	int tag = dwarf_tag(t);

	if (tag != DW_TAG_pointer_type && tag != DW_TAG_reference_type &&
	    tag != DW_TAG_rvalue_reference_type)
		return SOBOX_NOT_PTR;
	if (sobox_type_of(t, &p) <= 0 || strip(&p, &p) <= 0)
		return SOBOX_PTR;
	tag = dwarf_tag(&p);
	return tag == DW_TAG_pointer_type ? SOBOX_PTRPTR :
	       tag == DW_TAG_subroutine_type ? SOBOX_FNPTR : SOBOX_PTR;
}

int sobox_classify(Dwarf_Die *type, struct sobox_type *t)
{
	struct acc c = { .steps = SOBOX_MAX_STEPS };
	long steps = SOBOX_MAX_STEPS;
	struct scalar s;
	Dwarf_Die d;
	int r;

	memset(t, 0, sizeof *t);
	t->align = 1;
	if (!type || (r = strip(type, &d)) == 0)
		return 0;	/* void */
	if (r < 0 || dwarf_aggregate_size(&d, &t->size) || align_of(&d, 0, &steps, &t->align))
		return -1;
	t->ptr = ptr_kind(&d);
	if (t->size > 64) {	/* gcc: aggregates over 64 bytes are MEMORY */
		t->memory = 1;
		return 0;
	}
	t->words = c.words = (t->size + 7) / 8;
	if (into(&d, 0, &c, 0))
		return -1;
	/* the cleanup is for aggregates; a scalar's classes are final (a
	   long double _Complex stays COMPLEX_X87) */
	if (scalar_of(&d, &s) == 0 && post_merge(&c))
		t->memory = 1;
	for (unsigned i = 0; i < c.words; i++)
		if ((t->cls[i] = c.cls[i]) == SOBOX_MEMORY)
			t->memory = 1;
	return 0;
}
