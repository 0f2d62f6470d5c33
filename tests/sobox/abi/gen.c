/*
 * gen.c - writes sobox's ABI torture test from one seed: torture.h (types
 * and declarations), torture.c (the library: each function hashes every
 * byte of every argument and derives its results from the hash) and
 * driver.c (the host program: calls each function once with generated
 * values and prints one line of results, bit-exact, in hex).
 *
 *     gen [-noavx] [-n COUNT] SEED OUTDIR
 *
 * Plain C on purpose: the project builds on a fresh Debian with gcc only.
 * The same seed always gives the same files. -noavx leaves out the
 * 32-byte vectors (for a CPU without AVX). A summary of what was made
 * (how many functions of each kind, stack arguments...) goes to stdout.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the generator's own random numbers (splitmix64) ---- */

static uint64_t rs;

static uint64_t rnd(void)
{
	uint64_t z = (rs += 0x9e3779b97f4a7c15ULL);

	z = (z ^ z >> 30) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ z >> 27) * 0x94d049bb133111ebULL;
	return z ^ z >> 31;
}

static unsigned rn(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static int noavx;

/* ---- types ---- */

enum kind {
	K_I8, K_U8, K_I16, K_U16, K_I32, K_U32, K_I64, K_U64, K_LL, K_ULL,
	K_BOOL, K_F32, K_F64, K_F80, K_CF32, K_CF64, K_CF80,
	K_V4F, K_V2D, K_V8F, K_AGG
};

/* SysV eightbyte classes (CX87: complex long double) */
enum cls { C_NONE, C_INT, C_SSE, C_SSEUP, C_X87, C_X87UP, C_CX87, C_MEM };

static const struct scalar {
	const char *c, *tag;
	unsigned size, align;
	unsigned flip;		/* bit flipped by the negative control */
	unsigned char cls[4];	/* class of each eightbyte */
} sc[] = {
	[K_I8] = { "signed char", "i8", 1, 1, 7, { C_INT } },
	[K_U8] = { "unsigned char", "u8", 1, 1, 7, { C_INT } },
	[K_I16] = { "short", "i16", 2, 2, 15, { C_INT } },
	[K_U16] = { "unsigned short", "u16", 2, 2, 15, { C_INT } },
	[K_I32] = { "int", "i32", 4, 4, 31, { C_INT } },
	[K_U32] = { "unsigned", "u32", 4, 4, 31, { C_INT } },
	[K_I64] = { "long", "i64", 8, 8, 63, { C_INT } },
	[K_U64] = { "unsigned long", "u64", 8, 8, 63, { C_INT } },
	[K_LL] = { "long long", "ll", 8, 8, 63, { C_INT } },
	[K_ULL] = { "unsigned long long", "ull", 8, 8, 63, { C_INT } },
	[K_BOOL] = { "_Bool", "b", 1, 1, 0, { C_INT } },
	/* floating point: the lowest mantissa bit (a conversion loses it) */
	[K_F32] = { "float", "f32", 4, 4, 0, { C_SSE } },
	[K_F64] = { "double", "f64", 8, 8, 0, { C_SSE } },
	[K_F80] = { "long double", "f80", 16, 16, 0, { C_X87, C_X87UP } },
	/* complex and vectors: the last part (a half register is lost) */
	[K_CF32] = { "_Complex float", "cf32", 8, 4, 32, { C_SSE } },
	[K_CF64] = { "_Complex double", "cf64", 16, 8, 64, { C_SSE, C_SSE } },
	[K_CF80] = { "_Complex long double", "cf80", 32, 16, 128,
		     { C_CX87, C_CX87, C_CX87, C_CX87 } },
	[K_V4F] = { "v4f", "v4f", 16, 16, 96, { C_SSE, C_SSEUP } },
	[K_V2D] = { "v2d", "v2d", 16, 16, 64, { C_SSE, C_SSEUP } },
	[K_V8F] = { "v8f", "v8f", 32, 32, 224, { C_SSE, C_SSEUP, C_SSEUP, C_SSEUP } },
};

#define MAXF 10
#define MAXAGG 60

struct field {
	int k, agg;		/* K_AGG: ag[agg] */
	unsigned n;		/* array length, 0: not an array */
	unsigned off;
};

struct agg {
	int uni, packed;
	int nf;
	struct field f[MAXF];
	unsigned size, align;
	int big;		/* the largest union member (fill and flip use it) */
	enum cls cls[8];	/* after the post-merger */
	int argmem;		/* an argument of this type goes on the stack */
	int nint, nsse;		/* else: registers it takes */
};

static struct agg ag[MAXAGG];
static int nag;

static unsigned tsize(int k, int a)
{
	return k == K_AGG ? ag[a].size : sc[k].size;
}

static unsigned talign(int k, int a)
{
	return k == K_AGG ? ag[a].align : sc[k].align;
}

static const char *tname(int k, int a)
{
	static char buf[8][32];
	static int i;

	if (k != K_AGG)
		return sc[k].c;
	i = (i + 1) % 8;
	snprintf(buf[i], sizeof buf[i], "%s s%d", ag[a].uni ? "union" : "struct", a);
	return buf[i];
}

static const char *ttag(int k, int a)
{
	static char buf[8][16];
	static int i;

	if (k != K_AGG)
		return sc[k].tag;
	i = (i + 1) % 8;
	snprintf(buf[i], sizeof buf[i], "s%d", a);
	return buf[i];
}

static void layout(struct agg *g)
{
	unsigned off = 0, al = 1;

	for (int i = 0; i < g->nf; i++) {
		struct field *f = &g->f[i];
		unsigned a = g->packed ? 1 : talign(f->k, f->agg);
		unsigned sz = tsize(f->k, f->agg) * (f->n ? f->n : 1);

		if (g->uni) {
			f->off = 0;
			off = sz > off ? sz : off;
		} else {
			f->off = (off + a - 1) / a * a;
			off = f->off + sz;
		}
		al = a > al ? a : al;
	}
	g->align = al;
	g->size = (off + al - 1) / al * al;
}

/* ---- the SysV classification (only for the summary and the variadic
   stack budget: the compilers decide the real thing) ---- */

static enum cls merge(enum cls a, enum cls b)
{
	if (a == b || b == C_NONE)
		return a;
	if (a == C_NONE)
		return b;
	if (a == C_MEM || b == C_MEM)
		return C_MEM;
	if (a == C_INT || b == C_INT)
		return C_INT;
	if (a >= C_X87 || b >= C_X87)
		return C_MEM;
	return C_SSE;
}

static void leaves(const struct agg *g, unsigned base, enum cls *c, int *unaligned)
{
	for (int i = 0; i < g->nf; i++) {
		const struct field *f = &g->f[i];
		unsigned esz = tsize(f->k, f->agg);

		for (unsigned e = 0; e < (f->n ? f->n : 1); e++) {
			unsigned o = base + f->off + e * esz;

			if (o % talign(f->k, f->agg))
				*unaligned = 1;
			if (f->k == K_AGG) {
				leaves(&ag[f->agg], o, c, unaligned);
				continue;
			}
			for (unsigned j = 0; j < (esz + 7) / 8; j++)
				c[o / 8 + j] = merge(c[o / 8 + j], sc[f->k].cls[j]);
		}
	}
}

static void classify(struct agg *g)
{
	unsigned n8 = (g->size + 7) / 8;
	int unaligned = 0, mem = 0;

	memset(g->cls, 0, sizeof g->cls);
	leaves(g, 0, g->cls, &unaligned);
	for (unsigned i = 0; i < n8; i++) {
		if (g->cls[i] == C_MEM || (g->cls[i] == C_X87UP && (!i || g->cls[i - 1] != C_X87)))
			mem = 1;
		if (g->cls[i] == C_SSEUP && (!i || (g->cls[i - 1] != C_SSE && g->cls[i - 1] != C_SSEUP)))
			g->cls[i] = C_SSE;
		if (g->size > 16 && (i ? g->cls[i] != C_SSEUP : g->cls[i] != C_SSE))
			mem = 1;
	}
	if (unaligned || mem)
		for (unsigned i = 0; i < n8; i++)
			g->cls[i] = C_MEM;
	g->argmem = 0;
	g->nint = g->nsse = 0;
	for (unsigned i = 0; i < n8; i++) {
		if (g->cls[i] == C_MEM || g->cls[i] >= C_X87)
			g->argmem = 1;
		g->nint += g->cls[i] == C_INT;
		g->nsse += g->cls[i] == C_SSE;
	}
}

/* ---- aggregates ---- */

enum acat { A_INT8, A_INT16, A_FLT, A_DBL, A_MIX16, A_BIG, A_X87, A_VEC,
	    A_NEST, A_UNION, A_PACKED, A_ODD, A_CPLX, NACAT };

static int pick(const int *pool, int n)
{
	return pool[rn(n)];
}

#define PICK(...) pick((const int[]){ __VA_ARGS__ }, \
		       sizeof((const int[]){ __VA_ARGS__ }) / sizeof(int))

/* a field drawn for a struct of category c */
static struct field rand_field(int c, int self)
{
	struct field f = { 0 };

	switch (c) {
	case A_INT8: f.k = PICK(K_I8, K_U8, K_I16, K_U16, K_I32, K_BOOL); break;
	case A_INT16: f.k = PICK(K_I8, K_I16, K_I32, K_U32, K_I64, K_U64, K_U8); break;
	case A_FLT: f.k = K_F32; break;
	case A_DBL: f.k = PICK(K_F64, K_F64, K_F32); break;
	case A_MIX16: f.k = PICK(K_I8, K_I32, K_F32, K_F64, K_I16, K_I64, K_BOOL); break;
	case A_BIG: f.k = PICK(K_I8, K_U16, K_I32, K_U32, K_I64, K_LL, K_F32, K_F64, K_BOOL); break;
	case A_X87: f.k = PICK(K_F80, K_I32, K_F64, K_I8); break;
	case A_VEC: f.k = noavx ? PICK(K_V4F, K_V2D, K_I32) : PICK(K_V4F, K_V2D, K_V8F, K_I32); break;
	case A_PACKED: f.k = PICK(K_I8, K_I16, K_I32, K_I64, K_F32, K_F64); break;
	case A_ODD: f.k = PICK(K_U8, K_U8, K_I8, K_I16); break;
	case A_CPLX: f.k = PICK(K_CF32, K_CF64, K_F32, K_I32, K_CF80); break;
	case A_NEST:
		if (self > 0 && rn(3)) {
			f.k = K_AGG;
			f.agg = rn(self);
		} else {
			f.k = PICK(K_I8, K_I32, K_F32, K_F64);
		}
		break;
	}
	if (f.k != K_AGG && rn(4) == 0)
		f.n = 2 + rn(c == A_ODD ? 30 : 4);
	if (c == A_ODD && rn(2))
		f.n = 1 + rn(40);
	return f;
}

/* size range of each category */
static const unsigned lo[NACAT] = { 1, 9, 4, 8, 9, 17, 16, 16, 2, 0, 3, 1, 8 };
static const unsigned hi[NACAT] = { 8, 16, 16, 16, 16, 64, 48, 64, 64, 0, 24, 40, 48 };

static void new_struct(struct agg *g, int c, int self)
{
	for (;;) {
		unsigned target = lo[c] + rn(hi[c] - lo[c] + 1);

		memset(g, 0, sizeof *g);
		g->packed = c == A_PACKED;
		/* the first long double struct is one long double alone: it is
		   returned in %st0 (X87 class), passed in memory */
		if (c == A_X87 && self == A_X87) {
			g->f[g->nf++] = (struct field){ .k = K_F80 };
			layout(g);
			return;
		}
		/* half the vector structs are one vector alone (in a register) */
		if (c == A_VEC && rn(2)) {
			g->f[g->nf++] = (struct field){ .k = noavx ? PICK(K_V4F, K_V2D)
								    : PICK(K_V4F, K_V2D, K_V8F) };
			layout(g);
			return;
		}
		while (g->nf < MAXF) {
			g->f[g->nf++] = rand_field(c, self);
			layout(g);
			if (g->size > hi[c]) {
				g->nf--;
				layout(g);
				break;
			}
			if (g->size >= target)
				break;
		}
		if (g->nf > 0 && g->size >= lo[c] && g->size <= hi[c])
			return;
	}
}

/* a union whose largest member (scalars or arrays of them) fills it all:
   no padding, so its bytes can be hashed and printed */
static void new_union(struct agg *g)
{
	for (;;) {
		memset(g, 0, sizeof *g);
		g->uni = 1;
		g->nf = 2 + rn(2);
		for (int i = 0; i < g->nf; i++) {
			struct field *f = &g->f[i];

			f->k = PICK(K_I8, K_I16, K_I32, K_I64, K_F32, K_F64, K_V4F, K_V2D, K_U8);
			f->n = rn(2) ? 0 : 2 + rn(3);
		}
		layout(g);
		for (int i = 0; i < g->nf; i++)
			if (tsize(g->f[i].k, 0) * (g->f[i].n ? g->f[i].n : 1) == g->size) {
				g->big = i;
				return;
			}
	}
}

static void gen_aggs(void)
{
	nag = 48;
	for (int i = 0; i < nag; i++) {
		int c = i % NACAT;

		if (c == A_UNION)
			new_union(&ag[i]);
		else
			new_struct(&ag[i], c, i);
		classify(&ag[i]);
	}
}

/* ---- functions ---- */

enum role { R_VAL, R_PIN, R_POUT, R_PPOUT };
enum rrole { RR_VOID, RR_VAL, RR_STATIC, RR_HEAP };

#define MAXA 24
#define MAXV 12

struct arg {
	int role, k, agg;
	unsigned n;		/* pointers: elements pointed to */
};

struct fn {
	int cat;
	int rrole, rk, ragg;
	unsigned rn;		/* RR_STATIC/RR_HEAP: elements */
	int na;
	struct arg a[MAXA];
	int variadic;		/* a[na-1] is `int n`, then vk[0..nv-1] */
	int nv;
	int vk[MAXV];
	uint64_t hseed, vseed;	/* the hash's start, the values' seed */
	int nstack;		/* eightbytes of stack arguments (summary) */
	int intover, sseover;
};

enum fcat { F_INT, F_FP, F_MANY, F_LDBL, F_VEC, F_AVX, F_SREG, F_SMEM, F_SANY,
	    F_PIN, F_POUT, F_RETPTR, F_PPOUT, F_VAR, F_ALL, NFCAT };

static const char *const fcat_name[NFCAT] = {
	"integer", "float/double", "many-scalars", "long-double", "vector128",
	"vector256", "struct-regs", "struct-memory", "struct-any", "pointer-in",
	"pointer-out", "returns-pointer", "pointer-to-pointer-out", "variadic", "mixed-all",
};

/* the order of categories; variadic three times in twenty */
static const int fcycle[] = {
	F_INT, F_FP, F_MANY, F_VAR, F_LDBL, F_VEC, F_AVX, F_SREG, F_SMEM, F_SANY,
	F_VAR, F_PIN, F_POUT, F_RETPTR, F_PPOUT, F_ALL, F_MANY, F_SANY, F_ALL, F_VAR,
};

static int nfn;
static struct fn *fns;

static int rand_int(void)
{
	return PICK(K_I8, K_U8, K_I16, K_U16, K_I32, K_U32, K_I64, K_U64, K_LL, K_ULL, K_BOOL);
}

static int rand_fp(void)
{
	return PICK(K_F32, K_F64, K_F64, K_F32, K_CF32, K_CF64);
}

static int rand_vec(void)
{
	return noavx ? PICK(K_V4F, K_V2D) : PICK(K_V4F, K_V2D, K_V8F);
}

/* want: 0 register-class, 1 memory-class, 2 any, 3 X87-class (returns) */
static int rand_agg(int want)
{
	for (int tries = 0;; tries++) {
		int a = rn(nag);

		if (tries > 10000)
			return a;	/* none of that kind in this seed */
		if (want == 2 || (want == 3 && ag[a].cls[0] == C_X87) ||
		    (want < 2 && ag[a].argmem == want))
			return a;
	}
}

static int rand_scalar(void)
{
	switch (rn(6)) {
	case 0: return rand_fp();
	case 1: return rn(3) ? K_F80 : K_CF80;
	case 2: return rand_vec();
	default: return rand_int();
	}
}

static void add(struct fn *f, int role, int k, int a, unsigned n)
{
	if (f->na < MAXA)
		f->a[f->na++] = (struct arg){ role, k, a, n };
}

static void add_val(struct fn *f, int k)
{
	add(f, R_VAL, k, 0, 0);
}

static void add_aggval(struct fn *f, int want)
{
	add(f, R_VAL, K_AGG, rand_agg(want), 0);
}

/* a pointer argument: bytes, an array of scalars, or one struct */
static void add_ptr(struct fn *f, int role)
{
	switch (rn(3)) {
	case 0: add(f, role, K_U8, 0, 1 + rn(64)); break;
	case 1: add(f, role, rn(2) ? rand_int() : rand_fp(), 0, 1 + rn(8)); break;
	default: add(f, role, K_AGG, rand_agg(2), 1); break;
	}
}

static void ret_val(struct fn *f, int k, int a)
{
	f->rrole = RR_VAL;
	f->rk = k;
	f->ragg = a;
}

static void gen_variadic(struct fn *f)
{
	int fixed = rn(4), ints = 1, sses = 0, stack = 0;

	for (int i = 0; i < fixed; i++) {
		int k = rn(2) ? rand_int() : PICK(K_F64, K_F32);

		add_val(f, k);
		if (k == K_F64 || k == K_F32)
			sses++;
		else
			ints++;
	}
	add_val(f, K_I32);	/* n */
	f->variadic = 1;
	f->nv = 1 + rn(MAXV);
	for (int i = 0; i < f->nv; i++) {
		int k = PICK(K_I32, K_U32, K_I64, K_F64, K_F64, K_I64, K_F80);
		int need = k == K_F80 ? 2 + (stack & 1) : 1;

		if ((k == K_F64 && sses < 8) || (k != K_F64 && k != K_F80 && ints < 6))
			need = 0;
		if (stack + need > 8) {	/* at most eight stack slots */
			f->nv = i;
			break;
		}
		stack += need;
		sses += k == K_F64 && !need;
		ints += k != K_F64 && k != K_F80 && !need;
		f->vk[i] = k;
	}
	ret_val(f, K_I64, 0);
}

/* a result of a few bits (_Bool, char, a small struct) would hide a
   changed hash too often: such functions also write the hash out */
static int is_narrow(int k, int a)
{
	return k == K_I8 || k == K_U8 || k == K_I16 || k == K_U16 || k == K_BOOL ||
	       (k == K_AGG && ag[a].size < 8);
}

/* integers, floating point, long double, vectors */
static void gen_scalar_args(struct fn *f)
{
	int n;

	switch (f->cat) {
	case F_INT:
		for (n = 1 + rn(8); n--;)
			add_val(f, rand_int());
		ret_val(f, rand_int(), 0);
		break;
	case F_FP:
		for (n = 1 + rn(10); n--;)
			add_val(f, rn(4) ? rand_fp() : rand_int());
		ret_val(f, rand_fp(), 0);
		break;
	case F_MANY:
		for (n = 12 + rn(9); n--;)
			add_val(f, rn(2) ? rand_fp() : rand_int());
		ret_val(f, rn(2) ? rand_fp() : rand_int(), 0);
		break;
	case F_LDBL:
		for (n = 1 + rn(8); n--;)
			add_val(f, rn(2) ? (rn(4) ? K_F80 : K_CF80) : PICK(K_I32, K_F64, K_I64));
		if (rn(4) == 0)
			ret_val(f, K_AGG, rand_agg(3));	/* struct { long double } in %st0 */
		else
			ret_val(f, PICK(K_F80, K_F80, K_CF80, K_F64), 0);
		break;
	case F_VEC:
	case F_AVX:
		for (n = 1 + rn(10); n--;)
			add_val(f, rn(3) ? (f->cat == F_AVX && !noavx ? PICK(K_V8F, K_V8F, K_V4F)
						       : PICK(K_V4F, K_V2D))
					 : PICK(K_F64, K_I32));
		ret_val(f, f->cat == F_AVX && !noavx ? K_V8F : PICK(K_V4F, K_V2D), 0);
		break;
	}
}

/* structs and unions by value */
static void gen_struct_args(struct fn *f)
{
	int n;

	switch (f->cat) {
	case F_SREG:
	case F_SMEM:
		for (n = 1 + rn(f->cat == F_SREG ? 8 : 6); n--;)
			if (rn(3))
				add_aggval(f, f->cat == F_SMEM);
			else
				add_val(f, rand_scalar());
		ret_val(f, K_AGG, rand_agg(f->cat == F_SMEM));
		break;
	case F_SANY:
		for (n = 2 + rn(13); n--;)
			if (rn(2))
				add_aggval(f, 2);
			else
				add_val(f, rand_scalar());
		ret_val(f, K_AGG, rand_agg(2));
		break;
	}
}

/* pointers in and out, pointer results */
static void gen_pointer_args(struct fn *f)
{
	int n;

	switch (f->cat) {
	case F_PIN:
		for (n = 1 + rn(6); n--;)
			if (rn(3))
				add_ptr(f, R_PIN);
			else
				add_val(f, rand_scalar());
		ret_val(f, PICK(K_I32, K_I64, K_U64), 0);
		break;
	case F_POUT:
		for (n = 1 + rn(5); n--;)
			if (rn(2))
				add_ptr(f, R_PIN);
			else
				add_val(f, rand_scalar());
		for (n = 1 + rn(3); n--;)
			add_ptr(f, R_POUT);
		f->rrole = RR_VOID;
		break;
	case F_RETPTR:
		for (n = rn(6); n--;)
			if (rn(3))
				add_val(f, rand_scalar());
			else
				add_ptr(f, R_PIN);
		f->rrole = rn(2) ? RR_STATIC : RR_HEAP;
		if (rn(2)) {
			f->rk = K_U8;
			f->rn = 8 + rn(57);
		} else {
			f->rk = K_AGG;
			f->ragg = rand_agg(2);
			f->rn = 1;
		}
		break;
	case F_PPOUT:
		for (n = rn(5); n--;)
			add_val(f, rand_scalar());
		for (n = 1 + rn(2); n--;)
			add(f, R_PPOUT, K_U8, 0, 8 + rn(41));
		ret_val(f, K_I32, 0);
		break;
	}
}

/* everything, 8 to 20 arguments */
static void gen_mixed_args(struct fn *f)
{
	int n;

	for (n = 8 + rn(13); n--;)
		switch (rn(8)) {
		case 0: add_ptr(f, R_PIN); break;
		case 1: add_ptr(f, rn(2) ? R_POUT : R_PPOUT); break;
		case 2: case 3: add_aggval(f, 2); break;
		default: add_val(f, rand_scalar()); break;
		}
	if (rn(3))
		ret_val(f, K_AGG, rand_agg(2));
	else
		ret_val(f, rand_scalar(), 0);
}

static void gen_args(struct fn *f)
{
	if (f->cat < F_SREG)
		gen_scalar_args(f);
	else if (f->cat < F_PIN)
		gen_struct_args(f);
	else if (f->cat < F_VAR)
		gen_pointer_args(f);
	else if (f->cat == F_VAR)
		gen_variadic(f);
	else
		gen_mixed_args(f);
}

/* the stack words, and whether the integer/vector registers overflow
   (for the summary: the compilers decide where arguments really go) */
static void place(struct fn *f)
{
	int ints = 0, sses = 0;
	unsigned off = 0;

	if (f->rrole == RR_VAL && f->rk == K_AGG && ag[f->ragg].argmem &&
	    ag[f->ragg].cls[0] != C_X87)
		ints = 1;	/* the hidden result pointer */
	for (int i = 0; i < f->na; i++) {
		const struct arg *a = &f->a[i];
		int ni = 0, ns = 0, mem = 0;
		unsigned sz = tsize(a->k, a->agg), al = talign(a->k, a->agg);

		if (a->role != R_VAL)
			ni = 1;
		else if (a->k == K_AGG)
			mem = ag[a->agg].argmem, ni = ag[a->agg].nint, ns = ag[a->agg].nsse;
		else if (sc[a->k].cls[0] == C_INT)
			ni = 1;
		else if (sc[a->k].cls[0] == C_SSE)
			ns = a->k == K_CF64 ? 2 : 1;
		else
			mem = 1;
		if (!mem && ints + ni <= 6 && sses + ns <= 8) {
			ints += ni;
			sses += ns;
			continue;
		}
		f->intover |= ints + ni > 6;
		f->sseover |= sses + ns > 8;
		if (a->role != R_VAL)
			sz = al = 8;
		al = al > 8 ? al : 8;
		off = (off + al - 1) / al * al + (sz + 7) / 8 * 8;
		f->nstack = off / 8;
	}
}

static void gen_fn(struct fn *f, int i)
{
	int flippable = 0, hasout = 0;

	memset(f, 0, sizeof *f);
	f->hseed = rnd();
	f->vseed = rnd();
	f->cat = fcycle[i % (sizeof fcycle / sizeof fcycle[0])];
	if (f->cat == F_AVX && noavx)
		f->cat = F_VEC;
	gen_args(f);
	for (int j = 0; j < f->na; j++) {
		flippable += f->a[j].role <= R_PIN;
		hasout += f->a[j].role >= R_POUT;
	}
	/* every function has an input the negative control can flip */
	if (!flippable && !f->variadic) {
		memmove(&f->a[1], &f->a[0], f->na * sizeof f->a[0]);
		f->na++;
		f->a[0] = (struct arg){ R_VAL, rand_int(), 0, 0 };
	}
	/* a void or narrow result cannot show the whole hash: an out-value does */
	if (!hasout && (f->rrole == RR_VOID || is_narrow(f->rk, f->ragg)))
		add(f, R_POUT, K_U64, 0, 1);
	place(f);
}

/* ---- output helpers ---- */

static FILE *out;

static void p(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static void close_out(void)
{
	if (ferror(out) || fclose(out)) {
		perror("gen: write");
		exit(1);
	}
}

/* the bytes of a scalar that carry its value: long double has 6 bytes of
   padding, which are undefined after a load and store */
static void ranges(int k, unsigned r[2][2], int *nr)
{
	*nr = 1;
	r[0][0] = 0;
	r[0][1] = sc[k].size;
	if (k == K_F80 || k == K_CF80)
		r[0][1] = 10;
	if (k == K_CF80) {
		*nr = 2;
		r[1][0] = 16;
		r[1][1] = 10;
	}
}

/* ---- helpers shared by torture.c and driver.c ---- */

static int kind_used(int k)
{
	return !(noavx && k == K_V8F);
}

/* value generation: splitmix64; floating point values are normal numbers
   (never NaN or denormal) so that no conversion could hide a change */
static void emit_values(void)
{
	p("/* helpers stay functions: the test is about the exported functions,\n"
	  "   and inlining them everywhere would double the compile time */\n"
	  "#define HELPER __attribute__((unused, noinline))\n\n");
	p("static uint64_t rnd(uint64_t *s)\n{\n"
	  "\tuint64_t z = (*s += 0x9e3779b97f4a7c15ULL);\n\n"
	  "\tz = (z ^ z >> 30) * 0xbf58476d1ce4e5b9ULL;\n"
	  "\tz = (z ^ z >> 27) * 0x94d049bb133111ebULL;\n"
	  "\treturn z ^ z >> 31;\n}\n\n");
	p("static void fbits(void *p, uint64_t *s)\n{\n"
	  "\tuint64_t r = rnd(s);\n"
	  "\tuint32_t b = (uint32_t)(r & 0x807fffff) | (uint32_t)(127 - 20 + (r >> 32) %% 41) << 23;\n\n"
	  "\tmemcpy(p, &b, 4);\n}\n\n");
	p("static void dbits(void *p, uint64_t *s)\n{\n"
	  "\tuint64_t b = (rnd(s) & 0x800fffffffffffffULL) | (uint64_t)(1023 - 40 + rnd(s) %% 81) << 52;\n\n"
	  "\tmemcpy(p, &b, 8);\n}\n\n");
	p("static void xbits(void *p, uint64_t *s)\n{\n"
	  "\tuint64_t m = rnd(s) | 1ULL << 63;\n"
	  "\tuint16_t e = (uint16_t)((16383 - 40 + rnd(s) %% 81) | (rnd(s) & 0x8000));\n\n"
	  "\tmemcpy(p, &m, 8);\n\tmemcpy((char *)p + 8, &e, 2);\n}\n\n");
	for (int k = 0; k < K_AGG; k++) {
		const struct scalar *t = &sc[k];

		if (!kind_used(k))
			continue;
		p("static HELPER void fill_%s(%s *p, uint64_t *s)\n{\n", t->tag, t->c);
		if (k <= K_ULL)
			p("\t*p = (%s)rnd(s);\n", t->c);
		else if (k == K_BOOL)
			p("\t*p = rnd(s) & 1;\n");
		else if (k == K_F80 || k == K_CF80)
			p("\tmemset(p, 0, sizeof *p);\n\txbits(p, s);\n%s",
			  k == K_CF80 ? "\txbits((char *)p + 16, s);\n" : "");
		else {
			int d = k == K_F64 || k == K_CF64 || k == K_V2D;
			unsigned w = d ? 8 : 4;

			p("\tfor (unsigned i = 0; i < %u; i++)\n\t\t%s((char *)p + %u * i, s);\n",
			  t->size / w, d ? "dbits" : "fbits", w);
		}
		p("}\n\n");
	}
}

static void emit_scalar_fns(const char *name, const char *rtype, const char *params,
			    const char *body_fmt)
{
	for (int k = 0; k < K_AGG; k++) {
		unsigned r[2][2];
		int nr;

		if (!kind_used(k))
			continue;
		ranges(k, r, &nr);
		p("static HELPER %s %s_%s(%s", rtype, name, sc[k].tag, params);
		p("const %s *p)\n{\n", sc[k].c);
		for (int i = 0; i < nr; i++)
			p(body_fmt, r[i][0], r[i][1]);
		p("%s}\n\n", !strcmp(rtype, "void") ? "" : "\treturn h;\n");
	}
}

/* the library's side: FNV-1a over the value bytes, order-sensitive, and
   a change of one byte always changes the 64-bit hash */
static void emit_hash(void)
{
	p("static uint64_t hb(uint64_t h, const void *p, unsigned n)\n{\n"
	  "\tconst unsigned char *b = p;\n\n"
	  "\twhile (n--)\n\t\th = (h ^ *b++) * 0x100000001b3ULL;\n"
	  "\treturn h;\n}\n\n");
	emit_scalar_fns("hash", "uint64_t", "uint64_t h, ",
			"\th = hb(h, (const char *)p + %u, %u);\n");
}

/* the driver's side: printing bytes and flipping one bit */
static void emit_print_flip(void)
{
	p("static void prb(const void *p, unsigned n)\n{\n"
	  "\tconst unsigned char *b = p;\n\n"
	  "\twhile (n--)\n\t\tout(\"%%02x\", *b++);\n}\n\n");
	emit_scalar_fns("pr", "void", "", "\tprb((const char *)p + %u, %u);\n");
	for (int k = 0; k < K_AGG; k++)
		if (kind_used(k))
			p("static HELPER void flip_%s(%s *p)\n{\n"
			  "\t((unsigned char *)p)[%u] ^= %u;\n}\n\n",
			  sc[k].tag, sc[k].c, sc[k].flip / 8, 1u << sc[k].flip % 8);
}

/* "p->fJ" or "p->fJ[i]": every access goes through a local copy (packed
   members have no address to take) */
static void field_ref(char *buf, size_t n, int j, const struct field *f, const char *idx)
{
	snprintf(buf, n, "p->f%d%s%s%s", j, f->n ? "[" : "", f->n ? idx : "", f->n ? "]" : "");
}

/* one statement per element of field j: PRE v; BODY; POST */
static void each_elem(int j, const struct field *f, const char *stmt)
{
	char ref[64];

	field_ref(ref, sizeof ref, j, f, "i");
	if (f->n)
		p("\tfor (unsigned i = 0; i < %u; i++) ", f->n);
	else
		p("\t");
	p("{\n\t\t%s v = %s;\n\n\t\t", tname(f->k, f->agg), !strncmp(stmt, "fill", 4) ? "{ 0 }" : ref);
	p(stmt, ttag(f->k, f->agg));
	if (!strncmp(stmt, "fill", 4))
		p("\n\t\t%s = v;", ref);
	p("\n\t}\n");
}

static void emit_agg_fill(int a)
{
	const struct agg *g = &ag[a];

	p("static HELPER void fill_s%d(%s *p, uint64_t *s)\n{\n", a, tname(K_AGG, a));
	for (int j = 0; j < g->nf; j++)
		if (!g->uni || j == g->big)
			each_elem(j, &g->f[j], "fill_%s(&v, s);");
	p("}\n\n");
}

static void emit_agg_hash(int a)
{
	const struct agg *g = &ag[a];

	p("static HELPER uint64_t hash_s%d(uint64_t h, const %s *p)\n{\n",
	  a, tname(K_AGG, a));
	if (g->uni)
		p("\th = hb(h, p, %u);\n", g->size);
	for (int j = 0; !g->uni && j < g->nf; j++)
		each_elem(j, &g->f[j], "h = hash_%s(h, &v);");
	p("\treturn h;\n}\n\n");
}

static void emit_agg_print_flip(int a)
{
	const struct agg *g = &ag[a];
	const struct field *f = &g->f[g->nf - 1];
	char ref[64], idx[16];

	p("static HELPER void pr_s%d(const %s *p)\n{\n", a, tname(K_AGG, a));
	if (g->uni)
		p("\tprb(p, %u);\n", g->size);
	for (int j = 0; !g->uni && j < g->nf; j++)
		each_elem(j, &g->f[j], "pr_%s(&v);");
	p("}\n\n");
	/* the last member's last element: a truncated copy loses it */
	p("static HELPER void flip_s%d(%s *p)\n{\n", a, tname(K_AGG, a));
	if (g->uni) {
		p("\t((unsigned char *)p)[%u] ^= 0x80;\n}\n\n", g->size - 1);
		return;
	}
	snprintf(idx, sizeof idx, "%u", f->n ? f->n - 1 : 0);
	field_ref(ref, sizeof ref, g->nf - 1, f, idx);
	p("\t%s v = %s;\n\n\tflip_%s(&v);\n\t%s = v;\n}\n\n",
	  tname(f->k, f->agg), ref, ttag(f->k, f->agg), ref);
}

/* ---- torture.h ---- */

static void emit_agg_decl(int a)
{
	const struct agg *g = &ag[a];

	p("%s {\n", tname(K_AGG, a));
	for (int j = 0; j < g->nf; j++) {
		p("\t%s f%d", tname(g->f[j].k, g->f[j].agg), j);
		if (g->f[j].n)
			p("[%u]", g->f[j].n);
		p(";\n");
	}
	p("}%s;\n_Static_assert(sizeof(%s) == %u && _Alignof(%s) == %u, \"gen's layout\");\n\n",
	  g->packed ? " __attribute__((packed))" : "", tname(K_AGG, a), g->size,
	  tname(K_AGG, a), g->align);
}

static const char *rtype(const struct fn *f)
{
	static char buf[64];

	if (f->rrole == RR_VOID)
		return "void";
	snprintf(buf, sizeof buf, "%s%s", tname(f->rk, f->ragg), f->rrole == RR_VAL ? "" : " *");
	return buf;
}

static void emit_proto(const struct fn *f, int i)
{
	p("%s t%03d(", rtype(f), i);
	for (int j = 0; j < f->na; j++) {
		const struct arg *a = &f->a[j];
		const char *t = tname(a->k, a->agg);

		p("%s", j ? ", " : "");
		switch (a->role) {
		case R_VAL: p("%s a%d", t, j); break;
		case R_PIN: p("const %s *a%d", t, j); break;
		case R_POUT: p("%s *a%d", t, j); break;
		case R_PPOUT: p("const unsigned char **a%d", j); break;
		}
	}
	p("%s)", f->variadic ? ", ..." : f->na ? "" : "void");
}

static int inputs(const struct fn *f)
{
	int n = f->nv;

	for (int j = 0; j < f->na; j++)
		n += f->a[j].role <= R_PIN;
	return n;
}

static void emit_header(const char *dir, uint64_t seed, const char *summary)
{
	int maxin = 0;

	for (int i = 0; i < nfn; i++)
		maxin = inputs(&fns[i]) > maxin ? inputs(&fns[i]) : maxin;
	out = open_out(dir, "torture.h");
	p("/* generated by tests/sobox/abi/gen (seed %llu%s): do not edit\n%s*/\n"
	  "#ifndef TORTURE_H\n#define TORTURE_H\n\n#include <stdint.h>\n\n"
	  "#define TORTURE_N %d\n"
	  "/* most inputs of one function (the driver's -flip counts them) */\n"
	  "#define TORTURE_INPUTS %d\n\n"
	  "typedef float v4f __attribute__((vector_size(16)));\n"
	  "typedef double v2d __attribute__((vector_size(16)));\n"
	  "typedef float v8f __attribute__((vector_size(32)));\n\n",
	  (unsigned long long)seed, noavx ? ", -noavx" : "", summary, nfn, maxin);
	for (int a = 0; a < nag; a++)
		emit_agg_decl(a);
	p("void *torture_alloc(unsigned long n);\n"
	  "/* calls f: the driver's -nested makes every call from inside it */\n"
	  "void torture_nested(void (*f)(void));\n\n");
	for (int i = 0; i < nfn; i++) {
		emit_proto(&fns[i], i);
		p(";\n");
	}
	p("\n#endif\n");
	close_out();
}

/* ---- torture.c ---- */

static const char vchar[] = { [K_I32] = 'i', [K_U32] = 'u', [K_I64] = 'l', [K_F64] = 'd', [K_F80] = 'L' };

static void emit_varargs(const struct fn *f)
{
	int n = f->na - 1;

	p("\tstatic const char pat[] = \"");
	for (int j = 0; j < f->nv; j++)
		p("%c", vchar[f->vk[j]]);
	p("\";\n\tva_list ap;\n\n\tva_start(ap, a%d);\n"
	  "\tfor (int i = 0; i < a%d && pat[i]; i++) {\n\t\tswitch (pat[i]) {\n", n, n);
	for (int k = 0; k <= K_F80; k++)
		if (k < (int)sizeof vchar && vchar[k])
			p("\t\tcase '%c': {\n\t\t\t%s v = va_arg(ap, %s);\n\n"
			  "\t\t\th = hash_%s(h, &v);\n\t\t\tbreak;\n\t\t}\n",
			  vchar[k], sc[k].c, sc[k].c, sc[k].tag);
	p("\t\t}\n\t}\n\tva_end(ap);\n");
}

static void emit_result(const struct fn *f)
{
	const char *t = tname(f->rk, f->ragg), *g = ttag(f->rk, f->ragg);

	switch (f->rrole) {
	case RR_VOID:
		break;
	case RR_VAL:
		p("\t{\n\t\t%s r;\n\n\t\tfill_%s(&r, &s);\n\t\treturn r;\n\t}\n", t, g);
		break;
	case RR_STATIC:
		p("\t{\n\t\tstatic %s r[%u];\n\n\t\tfor (unsigned i = 0; i < %u; i++)\n"
		  "\t\t\tfill_%s(&r[i], &s);\n\t\treturn r;\n\t}\n", t, f->rn, f->rn, g);
		break;
	case RR_HEAP:
		p("\t{\n\t\t%s *r = aligned_alloc(32, (%u * sizeof *r + 31) / 32 * 32);\n\n"
		  "\t\tfor (unsigned i = 0; r && i < %u; i++)\n"
		  "\t\t\tfill_%s(&r[i], &s);\n\t\treturn r;\n\t}\n", t, f->rn, f->rn, g);
		break;
	}
}

static void emit_fn_lib(const struct fn *f, int i)
{
	emit_proto(f, i);
	p("\n{\n\tuint64_t h = 0x%016llxULL, s;\n\n", (unsigned long long)f->hseed);
	for (int j = 0; j < f->na; j++) {
		const struct arg *a = &f->a[j];
		const char *g = ttag(a->k, a->agg);

		if (a->role == R_VAL)
			p("\th = hash_%s(h, &a%d);\n", g, j);
		else if (a->role == R_PIN)
			p("\tfor (unsigned i = 0; i < %u; i++)\n\t\th = hash_%s(h, &a%d[i]);\n", a->n, g, j);
	}
	if (f->variadic)
		emit_varargs(f);
	p("\ts = h;\n\t(void)s;\n");
	/* out-values: static memory for even positions, the heap for odd */
	for (int j = 0; j < f->na; j++) {
		const struct arg *a = &f->a[j];

		if (a->role == R_POUT)
			p("\tfor (unsigned i = 0; i < %u; i++)\n\t\tfill_%s(&a%d[i], &s);\n",
			  a->n, ttag(a->k, a->agg), j);
		else if (a->role == R_PPOUT && j % 2 == 0)
			p("\t{\n\t\tstatic unsigned char b[%u];\n\n\t\tfor (unsigned i = 0; i < %u; i++)\n"
			  "\t\t\tfill_u8(&b[i], &s);\n\t\t*a%d = b;\n\t}\n", a->n, a->n, j);
		else if (a->role == R_PPOUT)
			p("\t{\n\t\tunsigned char *b = malloc(%u);\n\n"
			  "\t\tfor (unsigned i = 0; b && i < %u; i++)\n"
			  "\t\t\tfill_u8(&b[i], &s);\n\t\t*a%d = b;\n\t}\n", a->n, a->n, j);
	}
	emit_result(f);
	p("}\n\n");
}

static void emit_lib(const char *dir)
{
	out = open_out(dir, "torture.c");
	p("/* generated by tests/sobox/abi/gen: every function hashes each value byte\n"
	  "   of each argument and derives all its results from the hash */\n"
	  "#include <stdarg.h>\n#include <stdint.h>\n#include <stdlib.h>\n#include <string.h>\n\n"
	  "#include \"torture.h\"\n\n"
	  "/* 32-byte aligned: a struct with a v8f needs it */\n"
	  "void *torture_alloc(unsigned long n)\n{\n\tvoid *p = aligned_alloc(32, (n + 32) / 32 * 32);\n\n"
	  "\tif (p)\n\t\tmemset(p, 0xa5, n);\n\treturn p;\n}\n\n"
	  "void torture_nested(void (*f)(void))\n{\n\tf();\n}\n\n");
	emit_values();
	emit_hash();
	for (int a = 0; a < nag; a++) {
		emit_agg_fill(a);
		emit_agg_hash(a);
	}
	for (int i = 0; i < nfn; i++)
		emit_fn_lib(&fns[i], i);
	close_out();
}

/* ---- driver.c ---- */

static void emit_driver_top(void)
{
	p("/* generated by tests/sobox/abi/gen: calls each function once and prints\n"
	  "   one line of its results in hex. driver [-flip K] [-from I]: -flip\n"
	  "   flips one bit of input K of every call (the negative control), -from\n"
	  "   starts at function I. A fault in a call is one CRASH line. */\n"
	  "#include <setjmp.h>\n#include <signal.h>\n#include <stdarg.h>\n#include <stdint.h>\n"
	  "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n"
	  "#include \"torture.h\"\n\n"
	  "static char line[1 << 16];\nstatic size_t len;\n"
	  "static sigjmp_buf jb;\nstatic volatile sig_atomic_t fault;\n\n"
	  "static void out(const char *fmt, ...)\n{\n\tva_list ap;\n\tint n;\n\n"
	  "\tva_start(ap, fmt);\n\tn = vsnprintf(line + len, sizeof line - len, fmt, ap);\n"
	  "\tva_end(ap);\n\tif (n > 0)\n"
	  "\t\tlen = len + n < sizeof line ? len + n : sizeof line - 1;\n}\n\n"
	  "static void on_fault(int sig)\n{\n\tfault = sig;\n\tsiglongjmp(jb, 1);\n}\n\n"
	  "/* every buffer the library sees is its own memory (a box's in the boxed run) */\n"
	  "static void *talloc(unsigned long n)\n{\n\tvoid *p = torture_alloc(n);\n\n"
	  "\tif (!p) {\n\t\tfault = -1;\n\t\tsiglongjmp(jb, 1);\n\t}\n\treturn p;\n}\n\n");
}

static void emit_call_args(const struct fn *f)
{
	for (int j = 0; j < f->na; j++)
		p("%sa%d", j ? ", " : "", j);
	for (int j = 0; j < f->nv; j++)
		p(", v%d", j);
}

/* the driver's locals, and the values it passes (from the seed s) */
static void emit_driver_inputs(const struct fn *f)
{
	for (int j = 0; j < f->na; j++) {
		const struct arg *a = &f->a[j];

		if (a->role == R_PPOUT)
			p("\tconst unsigned char **a%d;\n", j);
		else
			p("\t%s %sa%d;\n", tname(a->k, a->agg), a->role == R_VAL ? "" : "*", j);
	}
	for (int j = 0; j < f->nv; j++)
		p("\t%s v%d;\n", sc[f->vk[j]].c, j);
	if (f->rrole != RR_VOID)
		p("\t%s r;\n", rtype(f));
	p("\n");
	for (int j = 0; j < f->na; j++) {
		const struct arg *a = &f->a[j];
		const char *g = ttag(a->k, a->agg);

		if (a->role == R_VAL && f->variadic && j == f->na - 1)
			p("\ta%d = %d;\n", j, f->nv);
		else if (a->role == R_VAL)
			p("\tfill_%s(&a%d, &s);\n", g, j);
		else if (a->role == R_PIN)
			p("\ta%d = talloc(%u * sizeof *a%d);\n\tfor (unsigned i = 0; i < %u; i++)\n"
			  "\t\tfill_%s(&a%d[i], &s);\n", j, a->n, j, a->n, g, j);
		else if (a->role == R_POUT)
			p("\ta%d = talloc(%u * sizeof *a%d);\n\tmemset(a%d, 0x5a, %u * sizeof *a%d);\n",
			  j, a->n, j, j, a->n, j);
		else
			p("\ta%d = talloc(sizeof *a%d);\n\t*a%d = 0;\n", j, j, j);
	}
	for (int j = 0; j < f->nv; j++)
		p("\tfill_%s(&v%d, &s);\n", sc[f->vk[j]].tag, j);
}

/* the negative control: one bit of input `flip` (modulo their number) */
static void emit_driver_flip(const struct fn *f)
{
	int nflip = 0;

	p("\tif (flip >= 0) {\n\t\tswitch (flip %% %d) {\n", inputs(f));
	for (int j = 0; j < f->na; j++) {
		const struct arg *a = &f->a[j];

		if (a->role == R_VAL)
			p("\t\tcase %d: flip_%s(&a%d); break;\n", nflip++, ttag(a->k, a->agg), j);
		else if (a->role == R_PIN)
			p("\t\tcase %d: flip_%s(&a%d[%u]); break;\n", nflip++, ttag(a->k, a->agg), j, a->n - 1);
	}
	for (int j = 0; j < f->nv; j++)
		p("\t\tcase %d: flip_%s(&v%d); break;\n", nflip++, sc[f->vk[j]].tag, j);
	p("\t\t}\n\t}\n");
}

/* the call, and its line: the result, then the out-values */
static void emit_driver_call(const struct fn *f, int i)
{
	p("\t%st%03d(", f->rrole == RR_VOID ? "" : "r = ", i);
	emit_call_args(f);
	p(");\n\tout(\"t%03d\");\n", i);
	if (f->rrole == RR_VAL)
		p("\tout(\" r=\");\n\tpr_%s(&r);\n", ttag(f->rk, f->ragg));
	else if (f->rrole != RR_VOID)
		p("\tout(\" r=\");\n\tif (!r)\n\t\tout(\"null\");\n"
		  "\tfor (unsigned i = 0; r && i < %u; i++)\n\t\tpr_%s(&r[i]);\n",
		  f->rn, ttag(f->rk, f->ragg));
	for (int j = 0; j < f->na; j++) {
		const struct arg *a = &f->a[j];

		if (a->role == R_POUT)
			p("\tout(\" a%d=\");\n\tfor (unsigned i = 0; i < %u; i++)\n\t\tpr_%s(&a%d[i]);\n",
			  j, a->n, ttag(a->k, a->agg), j);
		else if (a->role == R_PPOUT)
			p("\tout(\" a%d=\");\n\tif (*a%d)\n\t\tprb(*a%d, %u);\n\telse\n\t\tout(\"null\");\n",
			  j, j, j, a->n);
	}
}

static void emit_fn_driver(const struct fn *f, int i)
{
	p("static void c%03d(int flip)\n{\n\tuint64_t s = 0x%016llxULL;\n", i,
	  (unsigned long long)f->vseed);
	emit_driver_inputs(f);
	emit_driver_flip(f);
	emit_driver_call(f, i);
	p("}\n\n");
}

static void emit_driver(const char *dir)
{
	out = open_out(dir, "driver.c");
	emit_driver_top();
	emit_values();
	emit_print_flip();
	for (int a = 0; a < nag; a++) {
		emit_agg_fill(a);
		emit_agg_print_flip(a);
	}
	for (int i = 0; i < nfn; i++)
		emit_fn_driver(&fns[i], i);
	p("static void (*const calls[TORTURE_N])(int) = {\n");
	for (int i = 0; i < nfn; i++)
		p("\tc%03d,\n", i);
	p("};\n\n");
	p("/* one line per call, written whole once the call is over */\n"
	  "static void run_one(int i, int flip)\n{\n\tlen = 0;\n\tline[0] = 0;\n"
	  "\tif (!sigsetjmp(jb, 1)) {\n\t\tcalls[i](flip);\n\t} else {\n\t\tlen = 0;\n"
	  "\t\tout(\"t%%03d CRASH (%%s)\", i, fault < 0 ? \"torture_alloc failed\" : strsignal(fault));\n"
	  "\t}\n\tputs(line);\n\tfflush(stdout);\n}\n\n"
	  "static int flip = -1, from = 0;\n\n"
	  "static void run_all(void)\n{\n"
	  "\tfor (int i = from; i < TORTURE_N; i++)\n\t\trun_one(i, flip);\n}\n\n"
	  "/* the box API of libtorture.box.so, absent from the native library */\n"
	  "void *torture_box_register_cb(void *fn) __attribute__((weak));\n\n"
	  "int main(int argc, char **argv)\n{\n"
	  "\tstruct sigaction sa = { .sa_handler = on_fault };\n\tint nested = 0;\n\n"
	  "\tfor (int i = 1; i < argc; i++) {\n"
	  "\t\tif (!strcmp(argv[i], \"-nested\"))\n\t\t\tnested = 1;\n"
	  "\t\telse if (i + 1 < argc && !strcmp(argv[i], \"-flip\"))\n\t\t\tflip = atoi(argv[++i]);\n"
	  "\t\telse if (i + 1 < argc && !strcmp(argv[i], \"-from\"))\n\t\t\tfrom = atoi(argv[++i]);\n\t}\n"
	  "\t/* a host fault (a bad pointer from a wrong call) is one line, not the end */\n"
	  "\tsigaction(SIGSEGV, &sa, NULL);\n\tsigaction(SIGBUS, &sa, NULL);\n"
	  "\tsigaction(SIGILL, &sa, NULL);\n\tsigaction(SIGFPE, &sa, NULL);\n"
	  "\t/* -nested: every call made from a callback of the library (through\n"
	  "\t   a box, the trampolines' nested path) */\n"
	  "\tif (nested)\n\t\ttorture_nested(torture_box_register_cb ?\n"
	  "\t\t\t       (void (*)(void))torture_box_register_cb((void *)run_all) : run_all);\n"
	  "\telse\n\t\trun_all();\n"
	  "\tputs(\"END\");\n\treturn 0;\n}\n");
	close_out();
}

/* ---- summary ---- */

static void summary(char *buf, size_t n)
{
	int cat[NFCAT] = { 0 }, stack = 0, intover = 0, sseover = 0, both = 0, maxa = 0, nv = 0;
	int areg = 0, amem = 0, ax87 = 0, aval = 0, rreg = 0, rmem = 0, rx87 = 0;
	size_t l = 0;

	for (int i = 0; i < nfn; i++) {
		const struct fn *f = &fns[i];

		cat[f->cat]++;
		stack += f->nstack > 0;
		intover += f->intover;
		sseover += f->sseover;
		both += f->intover && f->sseover;
		maxa = f->na + f->nv > maxa ? f->na + f->nv : maxa;
		nv += f->variadic;
		for (int j = 0; j < f->na; j++)
			aval += f->a[j].role == R_VAL && f->a[j].k == K_AGG;
		if (f->rrole == RR_VAL && f->rk == K_AGG) {
			const struct agg *g = &ag[f->ragg];

			rx87 += g->cls[0] == C_X87;
			rmem += g->argmem && g->cls[0] != C_X87;
			rreg += !g->argmem;
		}
	}
	for (int a = 0; a < nag; a++) {
		ax87 += ag[a].cls[0] == C_X87 || ag[a].cls[0] == C_CX87;
		amem += ag[a].argmem;
		areg += !ag[a].argmem;
	}
	l += snprintf(buf + l, n - l, "%d functions:", nfn);
	for (int c = 0; c < NFCAT; c++)
		l += snprintf(buf + l, n - l, " %s %d%s", fcat_name[c], cat[c], c + 1 < NFCAT ? "," : "\n");
	l += snprintf(buf + l, n - l,
		      "%d with stack arguments (%d past 6 integer registers, %d past 8 vector,"
		      " %d both), up to %d arguments, %d variadic\n", stack, intover, sseover,
		      both, maxa, nv);
	snprintf(buf + l, n - l,
		 "%d aggregates (%d in registers, %d in memory of which %d returned in %%st0), %d passed by value,"
		 " %d returned in registers, %d through the hidden pointer, %d in %%st0\n",
		 nag, areg, amem, ax87, aval, rreg, rmem, rx87);
}

static void emit_all(const char *dir, uint64_t seed)
{
	char sum[2048];

	summary(sum, sizeof sum);
	emit_header(dir, seed, sum);
	emit_lib(dir);
	emit_driver(dir);
	fputs(sum, stdout);
}

int main(int argc, char **argv)
{
	const char *dir;
	uint64_t seed;
	int i = 1;

	nfn = 270;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-noavx"))
			noavx = 1;
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			nfn = atoi(argv[++i]);
		else
			break;
	}
	if (argc - i != 2 || nfn < 1 || nfn > 1000) {
		fprintf(stderr, "usage: gen [-noavx] [-n COUNT] SEED OUTDIR\n");
		return 2;
	}
	seed = strtoull(argv[i], NULL, 0);
	dir = argv[i + 1];
	rs = seed;
	gen_aggs();
	fns = calloc(nfn, sizeof *fns);
	if (!fns)
		return 1;
	for (int j = 0; j < nfn; j++)
		gen_fn(&fns[j], j);
	emit_all(dir, seed);
	return 0;
}
