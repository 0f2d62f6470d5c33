/* Types and helpers shared by the compiler-builtins sources. Internal:
   nothing here is visible outside libbuiltins.a. */
#ifndef BUILTINS_H
#define BUILTINS_H

/* No #include: libbuiltins.a sits below the C library and is built
   before it (musl's configure and link steps already need it). */
typedef int si_int;
typedef unsigned su_int;
typedef long long di_int;
typedef unsigned long long du_int;
typedef __int128 ti_int;
typedef unsigned __int128 tu_int;

/* libgcc's names follow gcc's machine modes: si = 32-bit, di = 64-bit,
   ti = 128-bit integers; sf = float, df = double, xf = x87 long double;
   sc, dc, xc = the _Complex versions. */

static inline du_int hi64(tu_int a) { return (du_int)(a >> 64); }
static inline du_int lo64(tu_int a) { return (du_int)a; }
static inline tu_int make_tu(du_int hi, du_int lo)
{
	return (tu_int)hi << 64 | lo;
}

/* -ftrapv overflow. libgcc calls abort(); we trap (ud2, SIGILL) so that
   libbuiltins.a needs nothing from libc and stays usable below it. */
#define overflow_trap() __builtin_trap()

/* Number of leading zero bits of a nonzero 128-bit value. */
static inline int clz128(tu_int a)
{
	return hi64(a) ? __builtin_clzll(hi64(a)) : 64 + __builtin_clzll(lo64(a));
}

#endif
