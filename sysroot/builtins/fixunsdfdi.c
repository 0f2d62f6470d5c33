#include "builtins.h"

/* gcc inlines this conversion on x86-64; for callers of the libgcc name. */
uint64_t __fixunsdfdi(double a)
{
	return a;
}
