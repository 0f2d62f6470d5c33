#include "builtins.h"

/* (long double _Complex)(a + ib) / (c + id).

   Smith's method (divide through by the larger of |c| and |d|), with
   the scaling of Baudin and Smith as gcc 12's libgcc has it, so that
   results are bit for bit the host's: halve everything when the larger
   part of the divisor is near overflow, scale small operands up by
   1/epsilon so intermediate products do not underflow, and take a
   different order when the ratio is subnormal. Then the recovery of
   C11 Annex G (G.5.1, the _Cdivd example): NaN + iNaN that should be
   an infinity (x / 0, inf / finite) or a zero (finite / inf). */
long double _Complex __divxc3(long double a, long double b, long double c, long double d)
{
	const long double big = __LDBL_MAX__ / 2;       /* halve above this: no overflow  */
	const long double small = __LDBL_MIN__;         /* smallest normal */
	const long double tiny = __LDBL_EPSILON__;      /* below this, scale up */
	const long double scale = 1 / __LDBL_EPSILON__;
	const long double big2 = __LDBL_MAX__ / 2 * __LDBL_EPSILON__; /* safe to scale up below this */
	long double ratio, denom, x, y;

	if (__builtin_fabsl(c) < __builtin_fabsl(d)) {
		if (__builtin_fabsl(d) >= big) {
			a = a / 2;
			b = b / 2;
			c = c / 2;
			d = d / 2;
		}
		if (__builtin_fabsl(d) < tiny ||
		    (__builtin_fabsl(a) < small && __builtin_fabsl(b) < big2 &&
		     __builtin_fabsl(d) < big2) ||
		    (__builtin_fabsl(b) < small && __builtin_fabsl(a) < big2 &&
		     __builtin_fabsl(d) < big2)) {
			a = a * scale;
			b = b * scale;
			c = c * scale;
			d = d * scale;
		}
		ratio = c / d;
		denom = c * ratio + d;
		if (__builtin_fabsl(ratio) > small) {
			x = (a * ratio + b) / denom;
			y = (b * ratio - a) / denom;
		} else {
			/* ratio lost its precision: divide first */
			x = (c * (a / d) + b) / denom;
			y = (c * (b / d) - a) / denom;
		}
	} else {
		if (__builtin_fabsl(c) >= big) {
			a = a / 2;
			b = b / 2;
			c = c / 2;
			d = d / 2;
		}
		if (__builtin_fabsl(c) < tiny ||
		    (__builtin_fabsl(a) < small && __builtin_fabsl(b) < big2 &&
		     __builtin_fabsl(c) < big2) ||
		    (__builtin_fabsl(b) < small && __builtin_fabsl(a) < big2 &&
		     __builtin_fabsl(c) < big2)) {
			a = a * scale;
			b = b * scale;
			c = c * scale;
			d = d * scale;
		}
		ratio = d / c;
		denom = d * ratio + c;
		if (__builtin_fabsl(ratio) > small) {
			x = (b * ratio + a) / denom;
			y = (b - a * ratio) / denom;
		} else {
			x = (a + d * (b / c)) / denom;
			y = (b - d * (a / c)) / denom;
		}
	}

	if (__builtin_isnan(x) && __builtin_isnan(y)) {
		if (c == 0 && d == 0 && (!__builtin_isnan(a) || !__builtin_isnan(b))) {
			x = __builtin_copysignl(__builtin_infl(), c) * a;
			y = __builtin_copysignl(__builtin_infl(), c) * b;
		} else if ((__builtin_isinf(a) || __builtin_isinf(b)) &&
		           __builtin_isfinite(c) && __builtin_isfinite(d)) {
			a = __builtin_copysignl(__builtin_isinf(a) ? 1 : 0, a);
			b = __builtin_copysignl(__builtin_isinf(b) ? 1 : 0, b);
			x = __builtin_infl() * (a * c + b * d);
			y = __builtin_infl() * (b * c - a * d);
		} else if ((__builtin_isinf(c) || __builtin_isinf(d)) &&
		           __builtin_isfinite(a) && __builtin_isfinite(b)) {
			c = __builtin_copysignl(__builtin_isinf(c) ? 1 : 0, c);
			d = __builtin_copysignl(__builtin_isinf(d) ? 1 : 0, d);
			x = 0 * (a * c + b * d);
			y = 0 * (b * c - a * d);
		}
	}
	return __builtin_complex(x, y);
}
