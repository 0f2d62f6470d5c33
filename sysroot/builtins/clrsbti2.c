#include "builtins.h"

int __clrsbti2(ti_int a)
{
	tu_int x = a < 0 ? ~(tu_int)a : (tu_int)a;
	return clz128(x << 1 | 1);
}
