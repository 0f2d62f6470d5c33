#include "builtins.h"
#include "pow2.h"

/* unsigned __int128 -> double; see floattidf.c. Shifted to 63 bits so
   the value stays a positive di_int. */
double __floatuntidf(tu_int a)
{
	if (hi64(a) == 0)
		return lo64(a);
	int s = 64 - clz128(a) + 1;
	di_int m = a >> s;
	if (a << (128 - s))
		m |= 1;
	return (double)m * pow2_df(s);
}
