#include "builtins.h"

/* double -> unsigned __int128, truncating. The high 64 bits are the
   integer part of a / 2^64 (dividing by a power of two is exact); what
   is left, a - hi * 2^64, is exact too and fits in 64 bits. Outside
   0 .. 2^128 the result is undefined in C; this way it is the same as
   the host libgcc's, which splits the value the same way. */
tu_int __fixunsdfti(double a)
{
	du_int hi = a * 0x1p-64;
	du_int lo = a - (double)hi * 0x1p64;
	return make_tu(hi, lo);
}
