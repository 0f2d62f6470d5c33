#include "builtins.h"

/* long double -> unsigned __int128, truncating; see fixunsdfti.c. */
tu_int __fixunsxfti(long double a)
{
	/* Negative values give 0 (here the host's libgcc tests for them,
	   unlike in the float and double versions). */
	if (a < 0)
		return 0;
	du_int hi = a * 0x1p-64L;
	du_int lo = a - (long double)hi * 0x1p64L;
	return make_tu(hi, lo);
}
