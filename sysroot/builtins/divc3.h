/* Complex division for double and long double (divdc3.c says how), as
   a template: the includer defines DIVC3 (the function's name), T (the
   floating type), FABS, COPYSIGN, INF and the limits T_MAX, T_MIN,
   T_EPSILON for it. The function itself is the template (see mulc3.h). */
#include "cdiv_recover.h"

T _Complex DIVC3(T a, T b, T c, T d)
{
	const T big = T_MAX / 2;       /* halve above this: no overflow  */
	const T small = T_MIN;         /* smallest normal */
	const T tiny = T_EPSILON;      /* below this, scale up */
	const T scale = 1 / T_EPSILON;
	const T big2 = T_MAX / 2 * T_EPSILON; /* safe to scale up below this */
	T ratio, denom, x, y;

	if (FABS(c) < FABS(d)) {
		if (FABS(d) >= big) {
			a = a / 2;
			b = b / 2;
			c = c / 2;
			d = d / 2;
		}
		if (FABS(d) < tiny ||
		    (FABS(a) < small && FABS(b) < big2 &&
		     FABS(d) < big2) ||
		    (FABS(b) < small && FABS(a) < big2 &&
		     FABS(d) < big2)) {
			a = a * scale;
			b = b * scale;
			c = c * scale;
			d = d * scale;
		}
		ratio = c / d;
		denom = c * ratio + d;
		if (FABS(ratio) > small) {
			x = (a * ratio + b) / denom;
			y = (b * ratio - a) / denom;
		} else {
			/* ratio lost its precision: divide first */
			x = (c * (a / d) + b) / denom;
			y = (c * (b / d) - a) / denom;
		}
	} else {
		if (FABS(c) >= big) {
			a = a / 2;
			b = b / 2;
			c = c / 2;
			d = d / 2;
		}
		if (FABS(c) < tiny ||
		    (FABS(a) < small && FABS(b) < big2 &&
		     FABS(c) < big2) ||
		    (FABS(b) < small && FABS(a) < big2 &&
		     FABS(c) < big2)) {
			a = a * scale;
			b = b * scale;
			c = c * scale;
			d = d * scale;
		}
		ratio = d / c;
		denom = d * ratio + c;
		if (FABS(ratio) > small) {
			x = (b * ratio + a) / denom;
			y = (b - a * ratio) / denom;
		} else {
			x = (a + d * (b / c)) / denom;
			y = (b - d * (a / c)) / denom;
		}
	}

	cdiv_recover(a, b, c, d, &x, &y);
	return __builtin_complex(x, y);
}
