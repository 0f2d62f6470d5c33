#include "builtins.h"

tu_int __fixunsdfti(double);

/* float -> unsigned __int128: every float is exactly a double. */
tu_int __fixunssfti(float a)
{
	return __fixunsdfti(a);
}
