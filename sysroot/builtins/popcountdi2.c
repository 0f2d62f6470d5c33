#include "builtins.h"

/* Not __builtin_popcountll: without -mpopcnt gcc turns that into a call
   to this very function. Sums of bits in 2, 4 then 8-bit fields. */
int __popcountdi2(di_int a)
{
	du_int x = a;
	x = x - (x >> 1 & 0x5555555555555555);
	x = (x & 0x3333333333333333) + (x >> 2 & 0x3333333333333333);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0f;
	return (x * 0x0101010101010101) >> 56;
}
