#include "builtins.h"

/* gcc inlines this conversion on x86-64; for callers of the libgcc name. */
du_int __fixunsdfdi(double a)
{
	return a;
}
