/* Floating point: SSE scalar/vector code, long double (x87), constants
 * from .rodata, conversions. */
double poly(double x, const double *c, int n)
{
	double r = 0;
	for (int i = n - 1; i >= 0; i--)
		r = r * x + c[i];
	return r;
}

float dot(const float *a, const float *b, int n)
{
	float s = 0;
	for (int i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

long double ld_mul(long double a, long double b) { return a * b + 1.5L; }

int to_int(double d) { return (int)d; }
long to_long(long double d) { return (long)d; }
double from_u64(unsigned long u) { return (double)u; }

double clampd(double x)
{
	if (x < -1.0) return -1.0;
	if (x > 1.0) return 1.0;
	return x * 0.5 + 0.25;
}
