/*
 * Which status flags (CF PF AF ZF SF OF) an instruction reads and writes,
 * after Intel's SDM, vol. 2 and appendix A of vol. 1. "Undefined" after
 * an instruction counts as written: no correct program reads it. What is
 * not in these tables is unknown and treated as reading every flag.
 */
#include "rewrite.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The condition codes; entries 2k and 2k+1 of `conds` (by id) are each
 * other's negation. */
static const struct cond {
	const char *name;
	unsigned char flags;
	unsigned char id;
} conds[] = {
	{ "o", OF, 0 }, { "no", OF, 1 },
	{ "b", CF, 2 }, { "c", CF, 2 }, { "nae", CF, 2 },
	{ "ae", CF, 3 }, { "nb", CF, 3 }, { "nc", CF, 3 },
	{ "e", ZF, 4 }, { "z", ZF, 4 }, { "ne", ZF, 5 }, { "nz", ZF, 5 },
	{ "be", CF | ZF, 6 }, { "na", CF | ZF, 6 },
	{ "a", CF | ZF, 7 }, { "nbe", CF | ZF, 7 },
	{ "s", SF, 8 }, { "ns", SF, 9 },
	{ "p", PF, 10 }, { "pe", PF, 10 }, { "np", PF, 11 }, { "po", PF, 11 },
	{ "l", SF | OF, 12 }, { "nge", SF | OF, 12 },
	{ "ge", SF | OF, 13 }, { "nl", SF | OF, 13 },
	{ "le", ZF | SF | OF, 14 }, { "ng", ZF | SF | OF, 14 },
	{ "g", ZF | SF | OF, 15 }, { "nle", ZF | SF | OF, 15 },
};
#define NCONDS (int)(sizeof conds / sizeof conds[0])

/* The condition s spells, exactly (len chars), or -1. */
static int find_cond(const char *s, size_t len)
{
	for (int i = 0; i < NCONDS; i++)
		if (strlen(conds[i].name) == len && !strncmp(conds[i].name, s, len))
			return i;
	return -1;
}

/*
 * jCC, setCC, cmovCC (cmov may carry a w/l/q suffix): the condition's
 * index, and in *at where it starts in the mnemonic; -1 for others.
 */
int cond_of(const char *mnem, int *at)
{
	static const char *const heads[] = { "j", "set", "cmov" };
	for (int h = 0; h < 3; h++) {
		size_t n = strlen(heads[h]);
		if (strncmp(mnem, heads[h], n))
			continue;
		const char *cc = mnem + n;
		size_t len = strlen(cc);
		int i = find_cond(cc, len);
		if (i < 0 && h == 2 && len > 1 && strchr("wlq", cc[len - 1]))
			i = find_cond(cc, len - 1);
		*at = (int)n;
		return i;
	}
	return -1;
}

const char *cond_name(int cond)
{
	return conds[cond].name;
}

/* 0: different conditions, 1: the same, -1: each other's negation */
int cond_relation(int a, int b)
{
	if (conds[a].id == conds[b].id)
		return 1;
	return (conds[a].id ^ 1) == conds[b].id ? -1 : 0;
}

/* mnem with its condition (found by cond_of) replaced by cc. */
void cond_replace(const char *mnem, int at, int cond, const char *cc,
                  char *out, size_t cap)
{
	const char *rest = mnem + at + strlen(conds[cond].name);
	snprintf(out, cap, "%.*s%s%s", at, mnem, cc, rest);
}

static bool base_is(const char *mnem, const char *base, const char *sfx)
{
	size_t n = strlen(base);
	if (strncmp(mnem, base, n))
		return false;
	return mnem[n] == '\0' ||
	       (mnem[n + 1] == '\0' && strchr(sfx, mnem[n]));
}

/* Integer instructions by base name (optional b/w/l/q suffix). */
static const struct { const char *name; unsigned char reads, writes;
		      bool counted; } table[] = {
	{ "add", 0, ALL_FLAGS, false }, { "sub", 0, ALL_FLAGS, false },
	{ "cmp", 0, ALL_FLAGS, false }, { "and", 0, ALL_FLAGS, false },
	{ "or", 0, ALL_FLAGS, false }, { "xor", 0, ALL_FLAGS, false },
	{ "test", 0, ALL_FLAGS, false }, { "neg", 0, ALL_FLAGS, false },
	{ "xadd", 0, ALL_FLAGS, false }, { "cmpxchg", 0, ALL_FLAGS, false },
	{ "mul", 0, ALL_FLAGS, false }, { "imul", 0, ALL_FLAGS, false },
	{ "div", 0, ALL_FLAGS, false }, { "idiv", 0, ALL_FLAGS, false },
	{ "bsf", 0, ALL_FLAGS, false }, { "bsr", 0, ALL_FLAGS, false },
	{ "tzcnt", 0, ALL_FLAGS, false }, { "lzcnt", 0, ALL_FLAGS, false },
	{ "popcnt", 0, ALL_FLAGS, false }, { "andn", 0, ALL_FLAGS, false },
	{ "bextr", 0, ALL_FLAGS, false }, { "blsi", 0, ALL_FLAGS, false },
	{ "blsmsk", 0, ALL_FLAGS, false }, { "blsr", 0, ALL_FLAGS, false },
	{ "bzhi", 0, ALL_FLAGS, false }, { "rdrand", 0, ALL_FLAGS, false },
	{ "rdseed", 0, ALL_FLAGS, false },
	{ "adc", CF, ALL_FLAGS, false }, { "sbb", CF, ALL_FLAGS, false },
	{ "inc", 0, ALL_FLAGS & ~CF, false }, { "dec", 0, ALL_FLAGS & ~CF, false },
	{ "bt", 0, ALL_FLAGS & ~ZF, false }, { "bts", 0, ALL_FLAGS & ~ZF, false },
	{ "btr", 0, ALL_FLAGS & ~ZF, false }, { "btc", 0, ALL_FLAGS & ~ZF, false },
	{ "sal", 0, ALL_FLAGS, true }, { "shl", 0, ALL_FLAGS, true },
	{ "sar", 0, ALL_FLAGS, true }, { "shr", 0, ALL_FLAGS, true },
	{ "shld", 0, ALL_FLAGS, true }, { "shrd", 0, ALL_FLAGS, true },
	{ "rol", 0, CF | OF, true }, { "ror", 0, CF | OF, true },
	{ "rcl", CF, CF | OF, true }, { "rcr", CF, CF | OF, true },
	{ "cmc", CF, CF, false }, { "clc", 0, CF, false }, { "stc", 0, CF, false },
	{ "sahf", 0, CF | PF | AF | ZF | SF, false },
	{ "lahf", CF | PF | AF | ZF | SF, 0, false },
	{ "pushf", ALL_FLAGS, 0, false }, { "adcx", CF, CF, false },
	{ "adox", OF, OF, false },
	{ "loope", ZF, 0, false }, { "loopz", ZF, 0, false },
	{ "loopne", ZF, 0, false }, { "loopnz", ZF, 0, false },
	{ "fcmovb", CF, 0, false }, { "fcmovnb", CF, 0, false },
	{ "fcmove", ZF, 0, false }, { "fcmovne", ZF, 0, false },
	{ "fcmovbe", CF | ZF, 0, false }, { "fcmovnbe", CF | ZF, 0, false },
	{ "fcmovu", PF, 0, false }, { "fcmovnu", PF, 0, false },
};

/* Vector instructions that write EFLAGS (all six). */
static const char *const vector_writers[] = {
	"comiss", "comisd", "ucomiss", "ucomisd", "vcomiss", "vcomisd",
	"vucomiss", "vucomisd", "ptest", "vptest", "vtestps", "vtestpd",
	"pcmpestri", "pcmpestrm", "pcmpistri", "pcmpistrm", "vpcmpestri",
	"vpcmpestrm", "vpcmpistri", "vpcmpistrm", NULL,
};

/* Instructions that leave the status flags alone, by name or prefix. */
static const char *const neutral_exact[] = {
	"nop", "xchg", "bswap", "not", "cbtw", "cwtl", "cltq", "cwtd", "cltd",
	"cqto", "cbw", "cwde", "cdqe", "cwd", "cdq", "cqo", "cpuid", "rdtsc",
	"rdtscp", "pause", "lfence", "mfence", "sfence", "shlx", "shrx",
	"sarx", "rorx", "mulx", "pdep", "pext", "std", "cld", "int3", "ud2",
	"hlt", "leave", "enter", "xlat", "xlatb", "emms", "wait", "fwait",
	"ldmxcsr", "stmxcsr", "vzeroupper", "vzeroall",
	"vldmxcsr", "vstmxcsr", "loop", "jrcxz", "jecxz", "jmp", "ret",
	"rdfsbase", NULL,	/* runtime call 8 keeps the flags */
};
static const char *const neutral_prefix[] = {
	"mov", "lea", "push", "pop", "nop", "prefetch", "clflush", "crc32",
	"lods", "stos", NULL,
};

/* The x87 instructions that write EFLAGS: ZF PF CF from the compare, OF
 * SF AF cleared (or kept, by older manuals). GNU as also spells fcomip
 * and fucomip as fcompi and fucompi (`df f1`, `df e9`); none takes a
 * size suffix. */
static const char *const x87_writers[] = {
	"fcomi", "fcomip", "fcompi", "fucomi", "fucomip", "fucompi", NULL,
};

/* The x87 instructions that leave EFLAGS alone (fcmov reads them: see
 * the table). Only these: an f* name not listed is unknown. */
static const char *const x87_neutral[] = {
	"f2xm1", "fabs", "fadd", "faddp", "fiadd", "fbld", "fbstp", "fchs",
	"fclex", "fnclex", "fcom", "fcomp", "fcompp", "fcos", "fdecstp",
	"fdiv", "fdivp", "fidiv", "fdivr", "fdivrp", "fidivr", "ffree",
	"ffreep", "ficom", "ficomp", "fild", "fincstp", "finit", "fninit",
	"fist", "fistp", "fisttp", "fld", "fld1", "fldl2t", "fldl2e",
	"fldpi", "fldlg2", "fldln2", "fldz", "fldcw", "fldenv", "fmul",
	"fmulp", "fimul", "fnop", "fpatan", "fprem", "fprem1", "fptan",
	"frndint", "frstor", "fsave", "fnsave", "fscale", "fsin", "fsincos",
	"fsqrt", "fst", "fstp", "fstcw", "fnstcw", "fstenv", "fnstenv",
	"fstsw", "fnstsw", "fsub", "fsubp", "fisub", "fsubr", "fsubrp",
	"fisubr", "ftst", "fucom", "fucomp", "fucompp", "fwait", "fxam",
	"fxch", "fxrstor", "fxrstor64", "fxsave", "fxsave64", "fxtract",
	"fyl2x", "fyl2xp1", NULL,
};

/* name, or name with an AT&T x87 size suffix (s l t: float or short/long
 * int, q ll: 64-bit int) */
static bool x87_name(const char *mnem, const char *const *list)
{
	static const char *const sfx[] = { "", "s", "l", "t", "q", "ll", NULL };
	for (int i = 0; list[i]; i++) {
		size_t n = strlen(list[i]);
		if (strncmp(mnem, list[i], n))
			continue;
		for (int k = 0; sfx[k]; k++)
			if (!strcmp(mnem + n, sfx[k]))
				return true;
	}
	return false;
}

static bool listed(const char *mnem, const char *const *list, bool prefix)
{
	for (int i = 0; list[i]; i++) {
		size_t n = strlen(list[i]);
		if (prefix ? !strncmp(mnem, list[i], n)
			   : base_is(mnem, list[i], "bwlq"))
			return true;
	}
	return false;
}

/* An %xmm/%ymm/%zmm/%mm/%k operand: SSE/AVX, which leave EFLAGS alone
 * but for vector_writers. %st is x87's, which has its own lists. */
static bool vector_operand(const struct insn *in)
{
	for (int i = 0; i < in->nop; i++)
		if (in->op[i].kind == OP_REG &&
		    in->op[i].reg->family == FAM_NONE &&
		    !in->op[i].reg->segment &&
		    strncmp(in->op[i].reg->name, "st", 2))
			return true;
	return false;
}

/* A 64-bit operation: q suffix or a 64-bit register destination. */
static bool wide_operation(const struct insn *in)
{
	const struct operand *dst = &in->op[in->nop - 1];
	size_t n = strlen(in->mnem);
	return in->mnem[n - 1] == 'q' ||
	       (dst->kind == OP_REG && dst->reg->width == 64);
}

/* Shifts and rotates change no flag when the count, masked to 6 bits
 * for 64-bit operands and to 5 bits for others, is 0. */
static bool count_nonzero(const struct insn *in)
{
	if (in->nop == 1)
		return true;	/* implicit count 1 */
	const struct operand *n = &in->op[0];
	char *end;
	long long v = n->kind == OP_IMM ? strtoll(n->text, &end, 0) : 0;
	return n->kind == OP_IMM && *end == '\0' &&
	       (v & (wide_operation(in) ? 63 : 31)) != 0;
}

static bool table_effect(const struct insn *in, struct flag_effect *e)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (!base_is(in->mnem, table[i].name, "bwlq"))
			continue;
		e->reads = table[i].reads;
		e->may = table[i].writes;
		e->must = table[i].counted && !count_nonzero(in)
			  ? 0 : table[i].writes;
		return true;
	}
	return false;
}

static bool other_effect(const struct insn *in, struct flag_effect *e)
{
	const char *m = in->mnem;
	bool rdi, rsi;
	if (!strcmp(m, "syscall") || !strcmp(m, "wrfsbase")) {
		e->may = ALL_FLAGS;	/* runtime calls 0, 16: not promised */
	} else if (!strcmp(m, "cmpxchg8b") || !strcmp(m, "cmpxchg16b")) {
		e->must = e->may = ZF;
	} else if (listed(m, vector_writers, false)) {
		e->must = e->may = ALL_FLAGS;
	} else if (x87_name(m, x87_writers)) {
		e->must = CF | PF | ZF;	/* OF SF AF: cleared or kept */
		e->may = ALL_FLAGS;
	} else if (string_insn(in, &rdi, &rsi) &&
		   (!strncmp(m, "cmps", 4) || !strncmp(m, "scas", 4))) {
		e->may = ALL_FLAGS;	/* with rep and %rcx = 0: nothing */
	} else if (listed(m, neutral_exact, false) ||
		   listed(m, neutral_prefix, true) ||
		   x87_name(m, x87_neutral) ||
		   vector_operand(in) || string_insn(in, &rdi, &rsi)) {
		/* the rest of x87 and SSE/AVX leave EFLAGS alone */
	} else {
		return false;
	}
	return true;
}

void flag_effect(const struct insn *in, struct flag_effect *e)
{
	memset(e, 0, sizeof *e);
	e->cond = cond_of(in->mnem, &e->cond_at);
	if (e->cond >= 0) {
		e->reads = conds[e->cond].flags;
		return;
	}
	if (base_is(in->mnem, "call", "q")) {
		e->must = e->may = ALL_FLAGS;	/* the ABI: not preserved */
		return;
	}
	if (table_effect(in, e) || other_effect(in, e))
		return;
	e->reads = e->may = ALL_FLAGS;	/* unknown: assume the worst */
	e->unknown = true;
}
