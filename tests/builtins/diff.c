/* Differential test of sysroot/builtins against the host's libgcc, run
   natively. Our sources are compiled with the host gcc and every symbol
   gets the prefix "my" (objcopy --prefix-symbols=my), so my__udivti3 is
   ours and __udivti3 is libgcc's. Each function is compared bit for bit
   over edge cases and pseudo-random inputs from a fixed seed; one
   PASS:/FAIL: line per function.

   What is not compared, because the result is undefined: clz/ctz of 0;
   -ftrapv overflow (libgcc calls abort, ours traps: checked separately
   in child processes); division by zero. */
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef __int128 ti;
typedef unsigned __int128 tu;

#define N 300000

static uint64_t state = 0x9e3779b97f4a7c15;
static uint64_t rnd(void)
{
	/* xorshift64*: fixed seed, so every run tests the same inputs */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1d;
}

/* integers of every length and sign, with long runs of 0s and 1s */
static uint64_t r64(void)
{
	uint64_t x = rnd();
	switch (rnd() % 4) {
	case 0: return x;
	case 1: return x >> (rnd() % 64);
	case 2: return ~(x >> (rnd() % 64));
	default: return (uint64_t)1 << (rnd() % 64) ^ (rnd() % 3 ? 0 : x & 15);
	}
}
static tu r128(void)
{
	tu x = (tu)rnd() << 64 | rnd();
	switch (rnd() % 5) {
	case 0: return x;
	case 1: return x >> (rnd() % 128);
	case 2: return ~(x >> (rnd() % 128));
	case 3: return (tu)r64() << 64 | r64();
	default: return (tu)1 << (rnd() % 128) ^ (rnd() % 3 ? 0 : x & 15);
	}
}

static const double special_df[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.0, 3.0, 0x1p63, -0x1p63,
	0x1p64, -0x1p64, 0x1p127, -0x1p127, 0x1p128, -0x1p128, 0x1.fffffffffffffp126,
	0x1.fffffffffffffp127, 0x1.fffffffffffffp63, -0x1.fffffffffffffp62,
	DBL_MAX, -DBL_MAX, DBL_MIN, -DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN,
	DBL_EPSILON, INFINITY, -INFINITY, NAN, -NAN, 1e300, 1e-300, 1e38, 3.4e38,
};
#define NSPECIAL (sizeof special_df / sizeof special_df[0])

static double bits_df(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static float bits_sf(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }

/* doubles: raw bit patterns (every class, NaN payloads), values near the
   128-bit integer range, and the special ones */
static double rdf(void)
{
	uint64_t x = rnd();
	switch (rnd() % 6) {
	case 0: return bits_df(x);
	case 1: return special_df[x % NSPECIAL];
	case 2: return ldexp((double)(int64_t)x, (int)(rnd() % 200) - 100);
	case 3: return ldexp((double)(int64_t)r64(), (int)(rnd() % 140) - 64);
	case 4: return bits_df(x & 0x800fffffffffffff) ; /* subnormals */
	default: return ldexp((double)(int64_t)x, (int)(rnd() % 2100) - 1100);
	}
}
static float rsf(void)
{
	switch (rnd() % 3) {
	case 0: return bits_sf(rnd());
	default: return rdf();
	}
}
static long double rxf(void)
{
	uint64_t m = rnd();
	switch (rnd() % 4) {
	case 0: {
		/* raw, with a valid integer bit: set unless the exponent is 0 */
		long double v = 0;
		unsigned char *p = (unsigned char *)&v;
		unsigned e = rnd() & 0xffff;
		if ((e & 0x7fff) == 0) m &= ~(1ull << 63); else m |= 1ull << 63;
		memcpy(p, &m, 8);
		memcpy(p + 8, &e, 2);
		return v;
	}
	case 1: return ldexpl((long double)m, (int)(rnd() % 140) - 64) * (rnd() & 1 ? 1 : -1);
	case 2: return ldexpl((long double)m, (int)(rnd() % 33000) - 16500);
	default: return rdf();
	}
}

static int fails;
static char why[512];

static int same_xf(long double a, long double b) { return memcmp(&a, &b, 10) == 0; }
static int same_df(double a, double b) { return memcmp(&a, &b, 8) == 0; }
static int same_sf(float a, float b) { return memcmp(&a, &b, 4) == 0; }
static void hex128(char *s, tu v) { sprintf(s, "0x%016llx%016llx", (unsigned long long)(v >> 64), (unsigned long long)v); }
static void hexxf(char *s, long double v)
{
	uint64_t m; uint16_t e;
	memcpy(&m, &v, 8); memcpy(&e, (char *)&v + 8, 2);
	sprintf(s, "%04x:%016llx(%La)", e, (unsigned long long)m, v);
}

static void report(const char *name, int bad)
{
	if (bad) { printf("FAIL: builtins/diff/%s: %s\n", name, why); fails++; }
	else printf("PASS: builtins/diff/%s\n", name);
}

/* ---- the functions under test: libgcc's and ours -------------------- */
#define DECL2(R, name, A, B) R name(A, B); R my##name(A, B);
#define DECL1(R, name, A) R name(A); R my##name(A);
tu __udivmodti4(tu, tu, tu *); tu my__udivmodti4(tu, tu, tu *);
ti __divmodti4(ti, ti, ti *); ti my__divmodti4(ti, ti, ti *);
DECL2(tu, __udivti3, tu, tu) DECL2(tu, __umodti3, tu, tu)
DECL2(ti, __divti3, ti, ti) DECL2(ti, __modti3, ti, ti)
DECL2(ti, __multi3, ti, ti) DECL2(ti, __ashlti3, ti, int)
DECL2(ti, __ashrti3, ti, int) DECL2(ti, __lshrti3, ti, int)
DECL1(ti, __negti2, ti) DECL2(int, __cmpti2, ti, ti) DECL2(int, __ucmpti2, tu, tu)
DECL1(int, __popcountdi2, int64_t) DECL1(int, __popcountti2, ti)
DECL1(int, __paritydi2, int64_t) DECL1(int, __parityti2, ti)
DECL1(int, __clzdi2, int64_t) DECL1(int, __clzti2, ti)
DECL1(int, __ctzdi2, int64_t) DECL1(int, __ctzti2, ti)
DECL1(int, __ffsdi2, int64_t) DECL1(int, __ffsti2, ti)
DECL1(int, __clrsbdi2, int64_t) DECL1(int, __clrsbti2, ti)
DECL1(int32_t, __bswapsi2, int32_t) DECL1(int64_t, __bswapdi2, int64_t)
DECL2(int32_t, __addvsi3, int32_t, int32_t) DECL2(int64_t, __addvdi3, int64_t, int64_t) DECL2(ti, __addvti3, ti, ti)
DECL2(int32_t, __subvsi3, int32_t, int32_t) DECL2(int64_t, __subvdi3, int64_t, int64_t) DECL2(ti, __subvti3, ti, ti)
DECL2(int32_t, __mulvsi3, int32_t, int32_t) DECL2(int64_t, __mulvdi3, int64_t, int64_t) DECL2(ti, __mulvti3, ti, ti)
DECL1(int32_t, __negvsi2, int32_t) DECL1(int64_t, __negvdi2, int64_t) DECL1(ti, __negvti2, ti)
DECL1(int32_t, __absvsi2, int32_t) DECL1(int64_t, __absvdi2, int64_t) DECL1(ti, __absvti2, ti)
DECL1(ti, __fixsfti, float) DECL1(ti, __fixdfti, double) DECL1(ti, __fixxfti, long double)
DECL1(tu, __fixunssfti, float) DECL1(tu, __fixunsdfti, double) DECL1(tu, __fixunsxfti, long double)
DECL1(uint64_t, __fixunssfdi, float) DECL1(uint64_t, __fixunsdfdi, double) DECL1(uint64_t, __fixunsxfdi, long double)
DECL1(float, __floattisf, ti) DECL1(double, __floattidf, ti) DECL1(long double, __floattixf, ti)
DECL1(float, __floatuntisf, tu) DECL1(double, __floatuntidf, tu) DECL1(long double, __floatuntixf, tu)
DECL2(float, __powisf2, float, int) DECL2(double, __powidf2, double, int) DECL2(long double, __powixf2, long double, int)
#define DECLC(T, name) _Complex T name(T, T, T, T); _Complex T my##name(T, T, T, T);
DECLC(float, __mulsc3) DECLC(double, __muldc3) DECLC(long double, __mulxc3)
DECLC(float, __divsc3) DECLC(double, __divdc3) DECLC(long double, __divxc3)

/* ---- integer functions ---------------------------------------------- */
static void t_divmod(void)
{
	int bad = 0;
	for (long i = 0; i < 4 * N && !bad; i++) {
		tu a = r128(), b = r128();
		if (i < 64) b = i + 1;              /* small divisors */
		if (b == 0) continue;
		tu r1 = 0, r2 = 0, q1 = __udivmodti4(a, b, &r1), q2 = my__udivmodti4(a, b, &r2);
		ti sr1 = 0, sr2 = 0, sq1 = __divmodti4(a, b, &sr1), sq2 = my__divmodti4(a, b, &sr2);
		if (q1 != q2 || r1 != r2 || my__udivmodti4(a, b, 0) != q1 ||
		    __udivti3(a, b) != my__udivti3(a, b) || __umodti3(a, b) != my__umodti3(a, b) ||
		    sq1 != sq2 || sr1 != sr2 ||
		    __divti3(a, b) != my__divti3(a, b) || __modti3(a, b) != my__modti3(a, b)) {
			char sa[40], sb[40];
			hex128(sa, a); hex128(sb, b);
			snprintf(why, sizeof why, "%s / %s", sa, sb);
			bad = 1;
		}
	}
	report("divmod (__udivmodti4 __udivti3 __umodti3 __divmodti4 __divti3 __modti3)", bad);
}

#define T_INT1(name, T, gen, skip0) do { \
	int bad = 0; \
	for (long i = 0; i < N && !bad; i++) { \
		T a = (T)gen(); \
		if (skip0 && a == 0) continue; \
		if (name(a) != my##name(a)) { \
			char sa[40]; hex128(sa, (tu)a); \
			snprintf(why, sizeof why, "%s(%s)", #name, sa); bad = 1; \
		} \
	} \
	if (!skip0 && name(0) != my##name(0)) { snprintf(why, sizeof why, "%s(0)", #name); bad = 1; } \
	report(#name, bad); \
} while (0)

#define T_INT2(name, T, gen) do { \
	int bad = 0; \
	for (long i = 0; i < N && !bad; i++) { \
		T a = (T)gen(), b = (T)gen(); \
		if (name(a, b) != my##name(a, b)) { \
			char sa[40], sb[40]; hex128(sa, (tu)a); hex128(sb, (tu)b); \
			snprintf(why, sizeof why, "%s(%s, %s)", #name, sa, sb); bad = 1; \
		} \
	} \
	report(#name, bad); \
} while (0)

#define T_SHIFT(name) do { \
	int bad = 0; \
	for (long i = 0; i < N && !bad; i++) { \
		ti a = r128(); int n = rnd() % 128; \
		if (name(a, n) != my##name(a, n)) { \
			char sa[40]; hex128(sa, a); \
			snprintf(why, sizeof why, "%s(%s, %d)", #name, sa, n); bad = 1; \
		} \
	} \
	report(#name, bad); \
} while (0)

/* -ftrapv: compare where the result is defined, i.e. no overflow */
#define T_TRAPV2(name, T, gen, op) do { \
	int bad = 0; \
	for (long i = 0; i < N && !bad; i++) { \
		T a = (T)gen(), b = (T)gen(), r; \
		if (rnd() & 1) { a >>= rnd() % (8 * sizeof(T)); b >>= rnd() % (8 * sizeof(T)); } \
		if (__builtin_##op##_overflow(a, b, &r)) continue; \
		if (name(a, b) != my##name(a, b)) { \
			char sa[40], sb[40]; hex128(sa, (tu)a); hex128(sb, (tu)b); \
			snprintf(why, sizeof why, "%s(%s, %s)", #name, sa, sb); bad = 1; \
		} \
	} \
	report(#name, bad); \
} while (0)
#define T_TRAPV1(name, T, gen) do { \
	int bad = 0; \
	for (long i = 0; i < N && !bad; i++) { \
		T a = (T)gen(), r; \
		if (__builtin_sub_overflow((T)0, a, &r)) continue; \
		if (name(a) != my##name(a)) { \
			char sa[40]; hex128(sa, (tu)a); \
			snprintf(why, sizeof why, "%s(%s)", #name, sa); bad = 1; \
		} \
	} \
	report(#name, bad); \
} while (0)

/* our -ftrapv functions must trap on overflow (ud2: SIGILL) */
static int traps(void (*f)(void))
{
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		f();
		_exit(0);
	}
	int st;
	waitpid(p, &st, 0);
	return WIFSIGNALED(st) && WTERMSIG(st) == SIGILL;
}
static volatile int32_t vsi; static volatile int64_t vdi; static volatile ti vti;
static void ov_addsi(void) { vsi = my__addvsi3(INT32_MAX, 1); }
static void ov_subsi(void) { vsi = my__subvsi3(INT32_MIN, 1); }
static void ov_mulsi(void) { vsi = my__mulvsi3(0x10000, 0x8000); }
static void ov_negsi(void) { vsi = my__negvsi2(INT32_MIN); }
static void ov_abssi(void) { vsi = my__absvsi2(INT32_MIN); }
static void ov_adddi(void) { vdi = my__addvdi3(INT64_MIN, -1); }
static void ov_subdi(void) { vdi = my__subvdi3(INT64_MAX, -1); }
static void ov_muldi(void) { vdi = my__mulvdi3(INT64_MIN, -1); }
static void ov_negdi(void) { vdi = my__negvdi2(INT64_MIN); }
static void ov_absdi(void) { vdi = my__absvdi2(INT64_MIN); }
static const ti TI_MAX = (ti)(~(tu)0 >> 1);
static void ov_addti(void) { vti = my__addvti3(TI_MAX, 1); }
static void ov_subti(void) { vti = my__subvti3(-TI_MAX - 1, 1); }
static void ov_multi(void) { vti = my__mulvti3((ti)1 << 64, (ti)1 << 63); }
static void ov_negti(void) { vti = my__negvti2(-TI_MAX - 1); }
static void ov_absti(void) { vti = my__absvti2(-TI_MAX - 1); }
static void t_trap(void)
{
	static const struct { const char *n; void (*f)(void); } t[] = {
		{"__addvsi3", ov_addsi}, {"__subvsi3", ov_subsi}, {"__mulvsi3", ov_mulsi},
		{"__negvsi2", ov_negsi}, {"__absvsi2", ov_abssi},
		{"__addvdi3", ov_adddi}, {"__subvdi3", ov_subdi}, {"__mulvdi3", ov_muldi},
		{"__negvdi2", ov_negdi}, {"__absvdi2", ov_absdi},
		{"__addvti3", ov_addti}, {"__subvti3", ov_subti}, {"__mulvti3", ov_multi},
		{"__negvti2", ov_negti}, {"__absvti2", ov_absti},
	};
	int bad = 0;
	why[0] = 0;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!traps(t[i].f)) {
			snprintf(why + strlen(why), sizeof why - strlen(why), "%s does not trap on overflow; ", t[i].n);
			bad = 1;
		}
	report("ftrapv-overflow-traps", bad);
}

/* ---- conversions ---------------------------------------------------- */
#define T_FIX(name, T, gen, hexf) do { \
	int bad = 0; \
	for (long i = 0; i < N && !bad; i++) { \
		T a = i < (long)NSPECIAL ? (T)special_df[i] : gen(); \
		if ((tu)name(a) != (tu)my##name(a)) { \
			char s1[40], s2[40]; hex128(s1, (tu)name(a)); hex128(s2, (tu)my##name(a)); \
			snprintf(why, sizeof why, "%s(%La): %s, ours %s", #name, (long double)a, s1, s2); bad = 1; \
		} \
	} \
	report(#name, bad); \
} while (0)

#define T_FLOAT(name, T, same) do { \
	int bad = 0; \
	for (long i = 0; i < 2 * N && !bad; i++) { \
		tu a = r128(); \
		if (!same(name(a), my##name(a))) { \
			char sa[40]; hex128(sa, a); \
			snprintf(why, sizeof why, "%s(%s): %La, ours %La", #name, sa, (long double)name(a), (long double)my##name(a)); bad = 1; \
		} \
	} \
	report(#name, bad); \
} while (0)

static void t_powi(void)
{
	int bad = 0;
	for (long i = 0; i < N && !bad; i++) {
		int n = (int)rnd();
		if (rnd() % 4) n = (int)(rnd() % 80) - 40;
		double d = rnd() % 3 ? (double)(rnd() % 1000) / 100 * (rnd() & 1 ? 1 : -1) : rdf();
		float f = d;
		long double x = rnd() % 2 ? (long double)d * (1 + 0x1p-60L) : rxf();
		if (!same_sf(__powisf2(f, n), my__powisf2(f, n)) ||
		    !same_df(__powidf2(d, n), my__powidf2(d, n)) ||
		    !same_xf(__powixf2(x, n), my__powixf2(x, n))) {
			snprintf(why, sizeof why, "powi(%a or %La, %d)", d, x, n);
			bad = 1;
		}
	}
	report("powi (__powisf2 __powidf2 __powixf2)", bad);
}

/* ---- complex -------------------------------------------------------- */
/* operands: ordinary values, and a fair share of 0, inf, NaN, huge and
   tiny ones so the scaling and the Annex G recovery paths are taken */
static double cdf(void)
{
	static const double odd[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN,
		DBL_MAX, -DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 1e308, -1e-310, 1.0, -1.0 };
	switch (rnd() % 8) {
	case 0: return odd[rnd() % (sizeof odd / sizeof odd[0])];
	case 1: return rdf();
	case 2: return ldexp((double)(int64_t)rnd(), (int)(rnd() % 2200) - 1150);
	case 3: return ldexp((double)(int64_t)rnd(), (int)(rnd() % 300) - 150);
	default: return (double)(int64_t)rnd() * 0x1p-62;
	}
}
static float csf(void)
{
	static const float odd[] = { 0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN,
		FLT_MAX, -FLT_MAX, FLT_MIN, FLT_TRUE_MIN, 1.0f, -1.0f };
	switch (rnd() % 8) {
	case 0: return odd[rnd() % (sizeof odd / sizeof odd[0])];
	case 1: return bits_sf(rnd());
	case 2: return ldexpf((float)(int64_t)rnd(), (int)(rnd() % 300) - 150 - 63);
	default: return (float)(int64_t)rnd() * 0x1p-62f;
	}
}
static long double cxf(void)
{
	static const long double odd[] = { 0.0L, -0.0L, INFINITY, -INFINITY, NAN, -NAN,
		LDBL_MAX, -LDBL_MAX, LDBL_MIN, 0x1p-16445L, 1.0L, -1.0L };
	switch (rnd() % 8) {
	case 0: return odd[rnd() % (sizeof odd / sizeof odd[0])];
	case 1: return rxf();
	case 2: return ldexpl((long double)(int64_t)rnd(), (int)(rnd() % 33000) - 16500);
	case 3: return cdf();
	default: return (long double)(int64_t)rnd() * 0x1p-62L;
	}
}

#define T_COMPLEX(name, T, gen, same) do { \
	int bad = 0; \
	for (long i = 0; i < 2 * N && !bad; i++) { \
		T a = gen(), b = gen(), c = gen(), d = gen(); \
		_Complex T r1 = name(a, b, c, d), r2 = my##name(a, b, c, d); \
		if (!same(__real__ r1, __real__ r2) || !same(__imag__ r1, __imag__ r2)) { \
			snprintf(why, sizeof why, "%s(%La, %La, %La, %La): %La%+La i, ours %La%+La i", #name, \
				(long double)a, (long double)b, (long double)c, (long double)d, \
				(long double)__real__ r1, (long double)__imag__ r1, \
				(long double)__real__ r2, (long double)__imag__ r2); \
			bad = 1; \
		} \
	} \
	report(#name, bad); \
} while (0)

/* ---- __builtin_cpu_supports: ours against libgcc's on this machine -- */
struct cpu_model { unsigned vendor, type, subtype, features[1]; };
extern struct cpu_model __cpu_model, my__cpu_model;
extern unsigned __cpu_features2[3], my__cpu_features2[3];
int __cpu_indicator_init(void), my__cpu_indicator_init(void);
static void t_cpu(void)
{
	/* both are constructors and have run; calling again is harmless */
	__cpu_indicator_init();
	my__cpu_indicator_init();
	int bad = __cpu_model.vendor != my__cpu_model.vendor ||
	          __cpu_model.features[0] != my__cpu_model.features[0] ||
	          memcmp(__cpu_features2, my__cpu_features2, sizeof __cpu_features2) != 0 ||
	          my__cpu_model.type != 0 || my__cpu_model.subtype != 0;
	snprintf(why, sizeof why, "vendor %u features %08x %08x %08x %08x, ours %u %08x %08x %08x %08x",
		__cpu_model.vendor, __cpu_model.features[0], __cpu_features2[0], __cpu_features2[1], __cpu_features2[2],
		my__cpu_model.vendor, my__cpu_model.features[0], my__cpu_features2[0], my__cpu_features2[1], my__cpu_features2[2]);
	report("cpu-model (vendor and feature bits on this machine)", bad);
}

int main(void)
{
	t_cpu();
	t_divmod();
	T_INT2(__multi3, ti, r128);
	T_SHIFT(__ashlti3); T_SHIFT(__ashrti3); T_SHIFT(__lshrti3);
	T_INT1(__negti2, ti, r128, 0);
	T_INT2(__cmpti2, ti, r128); T_INT2(__ucmpti2, tu, r128);
	T_INT1(__popcountdi2, int64_t, r64, 0); T_INT1(__popcountti2, ti, r128, 0);
	T_INT1(__paritydi2, int64_t, r64, 0); T_INT1(__parityti2, ti, r128, 0);
	T_INT1(__clzdi2, int64_t, r64, 1); T_INT1(__clzti2, ti, r128, 1);
	T_INT1(__ctzdi2, int64_t, r64, 1); T_INT1(__ctzti2, ti, r128, 1);
	T_INT1(__ffsdi2, int64_t, r64, 0); T_INT1(__ffsti2, ti, r128, 0);
	T_INT1(__clrsbdi2, int64_t, r64, 0); T_INT1(__clrsbti2, ti, r128, 0);
	T_INT1(__bswapsi2, int32_t, r64, 0); T_INT1(__bswapdi2, int64_t, r64, 0);
	T_TRAPV2(__addvsi3, int32_t, r64, add); T_TRAPV2(__addvdi3, int64_t, r64, add); T_TRAPV2(__addvti3, ti, r128, add);
	T_TRAPV2(__subvsi3, int32_t, r64, sub); T_TRAPV2(__subvdi3, int64_t, r64, sub); T_TRAPV2(__subvti3, ti, r128, sub);
	T_TRAPV2(__mulvsi3, int32_t, r64, mul); T_TRAPV2(__mulvdi3, int64_t, r64, mul); T_TRAPV2(__mulvti3, ti, r128, mul);
	T_TRAPV1(__negvsi2, int32_t, r64); T_TRAPV1(__negvdi2, int64_t, r64); T_TRAPV1(__negvti2, ti, r128);
	T_TRAPV1(__absvsi2, int32_t, r64); T_TRAPV1(__absvdi2, int64_t, r64); T_TRAPV1(__absvti2, ti, r128);
	t_trap();
	T_FIX(__fixsfti, float, rsf, 0); T_FIX(__fixdfti, double, rdf, 0); T_FIX(__fixxfti, long double, rxf, 0);
	T_FIX(__fixunssfti, float, rsf, 0); T_FIX(__fixunsdfti, double, rdf, 0); T_FIX(__fixunsxfti, long double, rxf, 0);
	T_FIX(__fixunssfdi, float, rsf, 0); T_FIX(__fixunsdfdi, double, rdf, 0); T_FIX(__fixunsxfdi, long double, rxf, 0);
	T_FLOAT(__floattisf, float, same_sf); T_FLOAT(__floattidf, double, same_df); T_FLOAT(__floattixf, long double, same_xf);
	T_FLOAT(__floatuntisf, float, same_sf); T_FLOAT(__floatuntidf, double, same_df); T_FLOAT(__floatuntixf, long double, same_xf);
	t_powi();
	T_COMPLEX(__mulsc3, float, csf, same_sf); T_COMPLEX(__muldc3, double, cdf, same_df); T_COMPLEX(__mulxc3, long double, cxf, same_xf);
	T_COMPLEX(__divsc3, float, csf, same_sf); T_COMPLEX(__divdc3, double, cdf, same_df); T_COMPLEX(__divxc3, long double, cxf, same_xf);
	return 0;
}
