/* Functions the host calls in a box (tests/runtime/call.c and
   bench/call-bench.c), compiled with the LFI driver; `add` must stay the
   first function of .text (offset 0). */
int add(int a, int b)
{
	return a + b;
}

long sum6(long a, long b, long c, long d, long e, long f)
{
	return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}

/* Writes through a pointer the host passes (a box address). */
long store(long *p, long v)
{
	long old = *p;
	*p = v;
	return old;
}

/* Calls back into the host (a callback stub's address). */
long twice_via(long (*cb)(long, long), long x)
{
	return cb(x, 3) * 2;
}

/* A callback with stack arguments (the seventh and eighth). */
long many_via(long (*cb)(long, long, long, long, long, long, long, long), long x)
{
	return cb(x, 2, 3, 4, 5, 6, 7, 8) + 1;
}
