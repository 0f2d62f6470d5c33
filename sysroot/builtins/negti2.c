#include "builtins.h"

ti_int __negti2(ti_int a)
{
	return -(tu_int)a;
}
