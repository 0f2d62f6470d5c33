#include "builtins.h"
#include "pow2.h"

/* __int128 -> float, rounded once; see floattidf.c. (Going through
   double would round twice.) The scaling can overflow to infinity,
   which is then the right answer. */
float __floattisf(ti_int a)
{
	if (a == (di_int)a)
		return (di_int)a;
	tu_int mag = a < 0 ? -(tu_int)a : (tu_int)a;
	int s = 128 - clz128(mag) - 62;
	di_int m = a >> s;
	if ((tu_int)a << (128 - s))
		m |= 1;
	return (float)m * pow2_sf(s);
}
