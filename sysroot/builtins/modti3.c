#include "builtins.h"

ti_int __divmodti4(ti_int, ti_int, ti_int *);

ti_int __modti3(ti_int a, ti_int b)
{
	ti_int r;
	__divmodti4(a, b, &r);
	return r;
}
