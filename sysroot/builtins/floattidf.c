#include "builtins.h"
#include "pow2.h"

/* __int128 -> double, rounded in the current rounding mode. Values that
   fit in 64 bits convert directly. Larger ones are shifted right to 62
   significant bits, with a "sticky" low bit set if anything nonzero was
   shifted out: rounding that to 53 bits gives the same result as
   rounding the full value, and scaling back by 2^s is exact. */
double __floattidf(ti_int a)
{
	if (a == (di_int)a)
		return (di_int)a;
	tu_int mag = a < 0 ? -(tu_int)a : (tu_int)a;
	int s = 128 - clz128(mag) - 62;
	di_int m = a >> s;
	if ((tu_int)a << (128 - s))
		m |= 1;
	return (double)m * pow2_df(s);
}
