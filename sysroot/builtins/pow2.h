/* 2^n as a double or float, for the exact scaling in the conversions
   from 128-bit integers. Internal. */
#ifndef POW2_H
#define POW2_H

#include "builtins.h"

/* 0 <= n <= 127: built from the exponent bits, no libm (ldexp). */
static inline double pow2_df(int n)
{
	union { du_int i; double f; } u = { (du_int)(1023 + n) << 52 };
	return u.f;
}

static inline float pow2_sf(int n)
{
	union { su_int i; float f; } u = { (su_int)(127 + n) << 23 };
	return u.f;
}

#endif
