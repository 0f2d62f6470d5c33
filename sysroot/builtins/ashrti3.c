#include "builtins.h"

/* Arithmetic shift; gcc defines >> on negative values that way. */
ti_int __ashrti3(ti_int a, int n)
{
	return a >> n;
}
