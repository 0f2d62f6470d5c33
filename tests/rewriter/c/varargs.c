/* Variadic functions: va_list walking, forwarding, and calls with %al. */
#include <stdarg.h>

long sum_n(int n, ...)
{
	va_list ap;
	long s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		s += va_arg(ap, long);
	va_end(ap);
	return s;
}

double avg(int n, ...)
{
	va_list ap;
	double s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		s += va_arg(ap, double);
	va_end(ap);
	return n ? s / n : 0;
}

int vcount(const char *fmt, va_list ap)
{
	int n = 0;
	for (; *fmt; fmt++)
		if (*fmt == '%') {
			(void)va_arg(ap, int);
			n++;
		}
	return n;
}

int count(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vcount(fmt, ap);
	va_end(ap);
	return n;
}

long call_sum(void) { return sum_n(4, 1L, 2L, 3L, 4L) + (long)avg(2, 1.0, 3.0); }
