/* The recovery of C11 Annex G (G.5.1, the _Cdivd example) for complex
   division, as a template: the includer defines T (the floating type),
   COPYSIGN and INF for it. When (a + ib) / (c + id) computed as
   x + iy gives NaN + iNaN, it should be an infinity (x / 0, inf / finite)
   or a zero (finite / inf); otherwise x and y are left alone. */
static inline void cdiv_recover(T a, T b, T c, T d, T *px, T *py)
{
	T x = *px, y = *py;

	if (!__builtin_isnan(x) || !__builtin_isnan(y))
		return;

	if (c == 0 && d == 0 && (!__builtin_isnan(a) || !__builtin_isnan(b))) {
		x = COPYSIGN(INF, c) * a;
		y = COPYSIGN(INF, c) * b;
	} else if ((__builtin_isinf(a) || __builtin_isinf(b)) &&
	           __builtin_isfinite(c) && __builtin_isfinite(d)) {
		a = COPYSIGN(__builtin_isinf(a) ? 1 : 0, a);
		b = COPYSIGN(__builtin_isinf(b) ? 1 : 0, b);
		x = INF * (a * c + b * d);
		y = INF * (b * c - a * d);
	} else if ((__builtin_isinf(c) || __builtin_isinf(d)) &&
	           __builtin_isfinite(a) && __builtin_isfinite(b)) {
		c = COPYSIGN(__builtin_isinf(c) ? 1 : 0, c);
		d = COPYSIGN(__builtin_isinf(d) ? 1 : 0, d);
		x = 0 * (a * c + b * d);
		y = 0 * (b * c - a * d);
	}
	*px = x;
	*py = y;
}
