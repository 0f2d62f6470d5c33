#include "builtins.h"

/* unsigned __int128 -> long double; see floattixf.c. */
long double __floatuntixf(tu_int a)
{
	return (long double)hi64(a) * 0x1p64L + (long double)lo64(a);
}
