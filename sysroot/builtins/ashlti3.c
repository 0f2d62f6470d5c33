#include "builtins.h"

/* gcc inlines 128-bit shifts on x86-64; these are for callers of the
   libgcc names. Shift counts outside 0..127 are undefined. */
ti_int __ashlti3(ti_int a, int n)
{
	return (tu_int)a << n;
}
