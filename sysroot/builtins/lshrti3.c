#include "builtins.h"

ti_int __lshrti3(ti_int a, int n)
{
	return (tu_int)a >> n;
}
