#include "builtins.h"

tu_int __udivmodti4(tu_int, tu_int, tu_int *);

tu_int __udivti3(tu_int n, tu_int d)
{
	return __udivmodti4(n, d, 0);
}
