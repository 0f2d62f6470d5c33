#include "builtins.h"

tu_int __udivmodti4(tu_int, tu_int, tu_int *);

/* Signed division with remainder: the quotient truncates toward zero,
   the remainder takes the dividend's sign. Works on magnitudes; the
   minimum value's magnitude 2^127 is fine as unsigned, and MIN / -1
   wraps to MIN like the host's. */
ti_int __divmodti4(ti_int a, ti_int b, ti_int *rem)
{
	tu_int ua = a < 0 ? -(tu_int)a : (tu_int)a;
	tu_int ub = b < 0 ? -(tu_int)b : (tu_int)b;
	tu_int r;
	tu_int q = __udivmodti4(ua, ub, &r);
	if ((a < 0) != (b < 0))
		q = -q;
	if (a < 0)
		r = -r;
	*rem = (ti_int)r;
	return (ti_int)q;
}
