#include "builtins.h"

/* __builtin_powi: x to an integer power by repeated squaring, from the
   low bit of |n| up; the same multiplications in the same order as the
   host libgcc, so the (not correctly rounded) result is the same.
   A negative power is 1 / x^|n|. */
double __powidf2(double x, int n)
{
	unsigned k = n < 0 ? -(unsigned)n : (unsigned)n;
	double y = k & 1 ? x : 1;

	while (k >>= 1) {
		x = x * x;
		if (k & 1)
			y = y * x;
	}
	return n < 0 ? 1 / y : y;
}
