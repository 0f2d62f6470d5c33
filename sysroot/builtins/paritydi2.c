#include "builtins.h"

/* Fold the halves together with xor until one bit is left. */
int __paritydi2(di_int a)
{
	du_int x = a;
	x ^= x >> 32;
	x ^= x >> 16;
	x ^= x >> 8;
	x ^= x >> 4;
	x ^= x >> 2;
	x ^= x >> 1;
	return x & 1;
}
