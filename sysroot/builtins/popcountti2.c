#include "builtins.h"

int __popcountdi2(di_int);

int __popcountti2(ti_int a)
{
	return __popcountdi2(hi64(a)) + __popcountdi2(lo64(a));
}
