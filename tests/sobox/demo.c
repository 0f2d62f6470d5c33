/* The LFI library of tests/sobox/run.sh: integer and pointer-as-integer
   exports, libc inside the box, an export calling another, a stray
   write that must stay a contained fault. */
#include <stdlib.h>
#include <string.h>

long add(long a, long b)
{
	return a + b;
}

int mul(int a, int b)
{
	return a * b;
}

long sum6(long a, long b, long c, long d, long e, long f)
{
	return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}

/* malloc and strlen in the box, on a string it builds itself */
long built_length(int n)
{
	char *s = malloc(n + 1);
	long len;

	if (!s)
		return -1;
	for (int i = 0; i < n; i++)
		s[i] = 'a' + i % 26;
	s[n] = '\0';
	len = strlen(s);
	free(s);
	return len;
}

/* a box pointer handed back as an integer, read again by the box */
long keep(long v)
{
	long *p = malloc(sizeof *p);

	if (p)
		*p = v;
	return (long)p;
}

long fetch(long p)
{
	return *(long *)p;
}

long add3(long a, long b, long c)
{
	return add(add(a, b), c);
}

long stray_write(long v)
{
	*(volatile long *)16 = v;	/* the null guard: a fault */
	return v;
}
