#include "builtins.h"

/* (float _Complex)(a + ib) / (c + id). Like gcc 12's libgcc, the
   textbook formula in double: double's range and precision are wide
   enough that nothing computed from floats overflows, underflows or
   cancels badly, so no scaling is needed. Then the recovery of C11
   Annex G (G.5.1, the _Cdivd example), in float, as in divdc3.c. */
float _Complex __divsc3(float a, float b, float c, float d)
{
	/* Widened first, then the plain formula: operands in this order
	   give gcc's operand order of the host's, which decides which NaN
	   comes out when both inputs of a product are NaN. */
	double aa = a, bb = b, cc = c, dd = d;
	double denom = cc * cc + dd * dd;
	float x = (aa * cc + bb * dd) / denom;
	float y = (bb * cc - aa * dd) / denom;

	if (__builtin_isnan(x) && __builtin_isnan(y)) {
		if (c == 0 && d == 0 && (!__builtin_isnan(a) || !__builtin_isnan(b))) {
			x = __builtin_copysignf(__builtin_inff(), c) * a;
			y = __builtin_copysignf(__builtin_inff(), c) * b;
		} else if ((__builtin_isinf(a) || __builtin_isinf(b)) &&
		           __builtin_isfinite(c) && __builtin_isfinite(d)) {
			a = __builtin_copysignf(__builtin_isinf(a) ? 1 : 0, a);
			b = __builtin_copysignf(__builtin_isinf(b) ? 1 : 0, b);
			x = __builtin_inff() * (a * c + b * d);
			y = __builtin_inff() * (b * c - a * d);
		} else if ((__builtin_isinf(c) || __builtin_isinf(d)) &&
		           __builtin_isfinite(a) && __builtin_isfinite(b)) {
			c = __builtin_copysignf(__builtin_isinf(c) ? 1 : 0, c);
			d = __builtin_copysignf(__builtin_isinf(d) ? 1 : 0, d);
			x = 0 * (a * c + b * d);
			y = 0 * (b * c - a * d);
		}
	}
	return __builtin_complex(x, y);
}
