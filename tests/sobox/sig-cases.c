/*
 * sig-cases.c - one exported function per calling-convention case that
 * sobox -show-exports must read from DWARF (tests/sobox/sig.sh; the
 * expected lines, worked out from the psABI and checked against gcc's
 * calls, are in sig-cases.expected). Built -O2 -g by the LFI driver.
 */
#include <immintrin.h>
#include <stdarg.h>
#include <stddef.h>

/* --- integers and pointers ---------------------------------------------- */

enum color { RED, GREEN, BLUE };

int i_add(int a, int b) { return a + b; }
void v_void(void) {}
long i_six(long a, long b, long c, long d, long e, long f) { return a + b + c + d + e + f; }
long i_eight(long a, long b, long c, long d, long e, long f, long g, long h)
{
	return a + b + c + d + e + f + g + h;
}
_Bool b_not(_Bool b) { return !b; }
enum color e_next(enum color c) { return (enum color)((c + 1) % 3); }
unsigned char u_small(signed char a, short b, unsigned short c) { return (unsigned char)(a + b + c); }
int c_const(const int a, volatile double b) { return a + (int)b; }

char *p_str(const char *s) { return (char *)s + 1; }
int p_out(int n, void **out, char **names) { *out = names[n]; return n; }
const char *const *p_const(const char *const *v) { return v + 1; }
int p_stack(long a, long b, long c, long d, long e, long f, int *g, long h, const char *i)
{
	return (int)(a + b + c + d + e + f + *g + h + *i);
}
int fn_apply(int (*f)(int), int x) { return f(x); }
static int twice(int x) { return 2 * x; }
int (*fn_get(void))(int) { return twice; }

/* --- floating point --------------------------------------------------------- */

double f_add(double a, double b) { return a + b; }
float f_mixed(int a, float b, long c, double d) { return (float)(a + b + c + d); }
double f_nine(double a, double b, double c, double d, double e, double f, double g,
	      double h, double i)
{
	return a + b + c + d + e + f + g + h + i;
}
double f_both(long a, long b, long c, long d, long e, long f, long g, double h1,
	      double h2, double h3, double h4, double h5, double h6, double h7,
	      double h8, double h9)
{
	return (double)(a + b + c + d + e + f + g) + h1 + h2 + h3 + h4 + h5 + h6 + h7 + h8 + h9;
}
_Float16 f_half(_Float16 a, _Float16 b) { return a + b; }

long double ld_mul(long double a, long double b) { return a * b; }
long double ld_mix(int a, long double b, double c) { return a + b + c; }
double ld_align(long a, long b, long c, long d, long e, long f, int g, long double x)
{
	return (double)(a + b + c + d + e + f + g + x);
}

__float128 q_pass(__float128 a, __float128 b) { (void)a; return b; }
double q_stack(double a, double b, double c, double d, double e, double f, double g,
	       double h, int i, __float128 x)
{
	return a + b + c + d + e + f + g + h + i + (x > 0);
}

/* --- __int128 ------------------------------------------------------------ */

__int128 i128_add(__int128 a, __int128 b) { return a + b; }
/* x needs two registers and one is left: the stack; f still takes %r9 */
__int128 i128_late(long a, long b, long c, long d, long e, __int128 x, long f)
{
	return a + b + c + d + e + x + f;
}
long i128_stack(long a, long b, long c, long d, long e, long f, int g, __int128 x)
{
	return (long)(a + b + c + d + e + f + g + x);
}

/* --- complex ------------------------------------------------------------ */

float _Complex cf_mul(float _Complex a, float _Complex b) { return a * b; }
double _Complex cd_add(double _Complex a, double b) { return a + b; }
long double _Complex cld_conj(long double _Complex z) { return ~z; }

/* --- vectors ---------------------------------------------------------- */

typedef int v2si __attribute__((vector_size(8)));

__m128 v_add(__m128 a, __m128 b) { return _mm_add_ps(a, b); }
v2si v_small(v2si a, int b) { return a + b; }
float v_stack(double a, double b, double c, double d, double e, double f, double g,
	      double h, long i, long j, long k, long l, long m, long n, int o, __m128 v)
{
	return (float)(a + b + c + d + e + f + g + h + i + j + k + l + m + n + o) + v[0];
}
__attribute__((target("avx"))) __m256 v_add256(__m256 a, __m256 b)
{
	return _mm256_add_ps(a, b);
}
__attribute__((target("avx"))) double v_stack256(long a, long b, long c, long d, long e,
						 long f, __m256 v0, __m256 v1, __m256 v2,
						 __m256 v3, __m256 v4, __m256 v5,
						 __m256 v6, __m256 v7, int g, __m256 w)
{
	return (double)(a + b + c + d + e + f + g) + v0[0] + v1[0] + v2[0] + v3[0] +
	       v4[0] + v5[0] + v6[0] + v7[0] + w[7];
}

/* --- structs and unions by value ------------------------------------------ */

struct pt { int x, y; };
struct pair { long a; double b; };
struct ff { float a, b, c; };
struct big { long a, b, c; };
struct mix { float f; int i; double d; };
struct inner { float a, b; };
struct outer { struct inner in; double c; };
union u { double d; long l; };
union uf { float f[2]; double d; };
struct bits { unsigned a : 3, b : 5; float f; };
struct fbits { float f, g; unsigned x : 4; };
struct arr { char tag; char s[7]; double v[1]; };
struct farr { float v[4]; };
struct vec3d { double x, y, z; };
struct twol { long a, b; };
struct dd { double x, y; };
struct __attribute__((packed)) pk { char c; int i; };
struct ldw { long double x; };
struct ldmix { long double x; int y; };
struct __attribute__((aligned(16))) al16 { long a; };
struct empty {};
struct wrap128 { __m128 v; };
struct wrap256 { __m256 v; };
struct node { struct node *next; int v; };
struct dl { double d; long l; };
struct cfq { float a; float _Complex c; };
struct ub { float f; int : 8; };
typedef const struct pt cpt;

struct pt s_pt(struct pt a, int d) { return (struct pt){ a.x + d, a.y }; }
struct pair s_pair(struct pair p) { return (struct pair){ p.a, p.b + 1 }; }
struct ff s_ff(struct ff v) { return (struct ff){ v.c, v.b, v.a }; }
struct big s_big(struct big v, int x) { v.a += x; return v; }
struct big s_make(const char *name, long v) { return (struct big){ v, *name, 0 }; }
double s_mix(struct mix m) { return m.f + m.i + m.d; }
struct outer s_nested(struct outer o) { o.c += o.in.a; return o; }
union u s_union(union u x, double y) { x.d += y; return x; }
double s_unionf(union uf x) { return x.d; }
int s_bits(struct bits b) { return (int)(b.a + b.b + b.f); }
struct fbits s_fbits(struct fbits b) { b.x++; return b; }
int s_arr(struct arr a) { return a.tag + a.s[6] + (int)a.v[0]; }
struct farr s_farr(struct farr a) { a.v[0] = a.v[3]; return a; }
double s_vec3d(struct vec3d a, struct vec3d b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
long s_nofit(long a, long b, long c, long d, long e, struct twol p, long f)
{
	return a + b + c + d + e + p.a + p.b + f;
}
double s_nofit_sse(double a, double b, double c, double d, double e, double f, double g,
		   struct dd p, double h)
{
	return a + b + c + d + e + f + g + p.x + p.y + h;
}
int s_packed(struct pk p) { return p.c + p.i; }
struct ldw s_ldw(struct ldw a) { a.x *= 2; return a; }
int s_ldmix(struct ldmix m) { return (int)m.x + m.y; }
long s_al16(struct al16 a) { return a.a; }
long s_al16_stack(long a, long b, long c, long d, long e, long f, int g, struct al16 h)
{
	return a + b + c + d + e + f + g + h.a;
}
int s_empty(int a, struct empty e, int b) { (void)e; return a + b; }
struct wrap128 s_wrap128(struct wrap128 w) { return w; }
/* (an add, not a copy: the rewriter refuses the copy's stack realignment) */
__attribute__((target("avx"))) struct wrap256 s_wrap256(struct wrap256 w)
{
	w.v = _mm256_add_ps(w.v, w.v);
	return w;
}
int s_node(struct node n) { return n.v; }
struct dl r_dl(void) { return (struct dl){ 1.5, 2 }; }
struct big *r_bigp(struct big *p) { return p + 1; }
float s_cfq(struct cfq q) { return q.a; }
int s_typedef(cpt p) { return p.x; }
int s_unnamed(struct ub u) { return (int)u.f; }

/* --- aliases: DWARF names the definition, found by address --------------- */

int al_base(int x) { return x + 1; }
int al_alias(int) __attribute__((alias("al_base")));
static int hidden_impl(long a, double b) { return (int)(a + b); }
extern __typeof(hidden_impl) weak_name __attribute__((weak, alias("hidden_impl")));

/* --- variadic and unprototyped ----------------------------------------------- */

int va_sum(int n, ...)
{
	va_list ap;
	int s = 0;

	va_start(ap, n);
	while (n--)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

struct big va_big(double d, ...) { return (struct big){ (long)d, 0, 0 }; }

int va_stack(long a, long b, long c, long d, long e, long f, const char *fmt, ...)
{
	return (int)(a + b + c + d + e + f) + *fmt;
}

int kr_old(a, b)
	int a;
	long b;
{
	return a + (int)b;
}

int kr_empty() { return 1; }
