#include "builtins.h"

/* __int128 -> long double. Both halves convert exactly (64-bit
   significand) and so does the scaling; the one addition rounds once. */
long double __floattixf(ti_int a)
{
	return (long double)(di_int)(a >> 64) * 0x1p64L + (long double)lo64(a);
}
