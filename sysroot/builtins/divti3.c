#include "builtins.h"

ti_int __divmodti4(ti_int, ti_int, ti_int *);

ti_int __divti3(ti_int a, ti_int b)
{
	ti_int r;
	return __divmodti4(a, b, &r);
}
