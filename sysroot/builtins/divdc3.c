#include "builtins.h"

/* (double _Complex)(a + ib) / (c + id).

   Smith's method (divide through by the larger of |c| and |d|), with
   the scaling of Baudin and Smith as gcc 12's libgcc has it, so that
   results are bit for bit the host's: halve everything when the larger
   part of the divisor is near overflow, scale small operands up by
   1/epsilon so intermediate products do not underflow, and take a
   different order when the ratio is subnormal. Then the recovery of
   C11 Annex G (G.5.1, the _Cdivd example): NaN + iNaN that should be
   an infinity (x / 0, inf / finite) or a zero (finite / inf). */
double _Complex __divdc3(double a, double b, double c, double d)
{
	const double big = __DBL_MAX__ / 2;       /* halve above this: no overflow  */
	const double small = __DBL_MIN__;         /* smallest normal */
	const double tiny = __DBL_EPSILON__;      /* below this, scale up */
	const double scale = 1 / __DBL_EPSILON__;
	const double big2 = __DBL_MAX__ / 2 * __DBL_EPSILON__; /* safe to scale up below this */
	double ratio, denom, x, y;

	if (__builtin_fabs(c) < __builtin_fabs(d)) {
		if (__builtin_fabs(d) >= big) {
			a = a / 2;
			b = b / 2;
			c = c / 2;
			d = d / 2;
		}
		if (__builtin_fabs(d) < tiny ||
		    (__builtin_fabs(a) < small && __builtin_fabs(b) < big2 &&
		     __builtin_fabs(d) < big2) ||
		    (__builtin_fabs(b) < small && __builtin_fabs(a) < big2 &&
		     __builtin_fabs(d) < big2)) {
			a = a * scale;
			b = b * scale;
			c = c * scale;
			d = d * scale;
		}
		ratio = c / d;
		denom = c * ratio + d;
		if (__builtin_fabs(ratio) > small) {
			x = (a * ratio + b) / denom;
			y = (b * ratio - a) / denom;
		} else {
			/* ratio lost its precision: divide first */
			x = (c * (a / d) + b) / denom;
			y = (c * (b / d) - a) / denom;
		}
	} else {
		if (__builtin_fabs(c) >= big) {
			a = a / 2;
			b = b / 2;
			c = c / 2;
			d = d / 2;
		}
		if (__builtin_fabs(c) < tiny ||
		    (__builtin_fabs(a) < small && __builtin_fabs(b) < big2 &&
		     __builtin_fabs(c) < big2) ||
		    (__builtin_fabs(b) < small && __builtin_fabs(a) < big2 &&
		     __builtin_fabs(c) < big2)) {
			a = a * scale;
			b = b * scale;
			c = c * scale;
			d = d * scale;
		}
		ratio = d / c;
		denom = d * ratio + c;
		if (__builtin_fabs(ratio) > small) {
			x = (b * ratio + a) / denom;
			y = (b - a * ratio) / denom;
		} else {
			x = (a + d * (b / c)) / denom;
			y = (b - d * (a / c)) / denom;
		}
	}

	if (__builtin_isnan(x) && __builtin_isnan(y)) {
		if (c == 0 && d == 0 && (!__builtin_isnan(a) || !__builtin_isnan(b))) {
			x = __builtin_copysign(__builtin_inf(), c) * a;
			y = __builtin_copysign(__builtin_inf(), c) * b;
		} else if ((__builtin_isinf(a) || __builtin_isinf(b)) &&
		           __builtin_isfinite(c) && __builtin_isfinite(d)) {
			a = __builtin_copysign(__builtin_isinf(a) ? 1 : 0, a);
			b = __builtin_copysign(__builtin_isinf(b) ? 1 : 0, b);
			x = __builtin_inf() * (a * c + b * d);
			y = __builtin_inf() * (b * c - a * d);
		} else if ((__builtin_isinf(c) || __builtin_isinf(d)) &&
		           __builtin_isfinite(a) && __builtin_isfinite(b)) {
			c = __builtin_copysign(__builtin_isinf(c) ? 1 : 0, c);
			d = __builtin_copysign(__builtin_isinf(d) ? 1 : 0, d);
			x = 0 * (a * c + b * d);
			y = 0 * (b * c - a * d);
		}
	}
	return __builtin_complex(x, y);
}
