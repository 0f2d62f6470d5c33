#include "builtins.h"

tu_int __udivmodti4(tu_int, tu_int, tu_int *);

tu_int __umodti3(tu_int n, tu_int d)
{
	tu_int r;
	__udivmodti4(n, d, &r);
	return r;
}
