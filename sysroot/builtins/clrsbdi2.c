#include "builtins.h"

/* Leading redundant sign bits: the bits after the sign bit that equal
   it. Flipping a negative value makes it the same question about zeros;
   the shift keeps 0 and -1 defined (63). */
int __clrsbdi2(di_int a)
{
	du_int x = a < 0 ? ~(du_int)a : (du_int)a;
	return __builtin_clzll(x << 1 | 1);
}
