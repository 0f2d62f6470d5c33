/* The second library of tests/sobox/calls.sh (libother.box.so), boxed
   beside libcalls.box.so in one process. */
#include <string.h>

long other_mul(long a, long b)
{
	return a * b + 1;
}

/* a callback given as an integer (no pointer argument to check) */
long other_call_l(long f, long x)
{
	return ((long (*)(long))f)(x) + 1000;
}

/* the same with a pointer parameter */
long other_call(long (*f)(long), long x)
{
	return f(x) + 1000;
}

long other_len(const char *s)
{
	return s ? (long)strlen(s) : -2;
}

long other_crash(long v)
{
	*(volatile long *)24 = v;	/* the null guard */
	return v;
}
