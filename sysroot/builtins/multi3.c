#include "builtins.h"

/* Inline on x86-64 (mul/imul); for callers of the libgcc name. Wraps. */
ti_int __multi3(ti_int a, ti_int b)
{
	return (tu_int)a * (tu_int)b;
}
