#include "builtins.h"
#include "pow2.h"

/* unsigned __int128 -> float; see floattidf.c and floattisf.c. */
float __floatuntisf(tu_int a)
{
	if (hi64(a) == 0)
		return lo64(a);
	int s = 64 - clz128(a) + 1;
	di_int m = a >> s;
	if (a << (128 - s))
		m |= 1;
	return (float)m * pow2_sf(s);
}
