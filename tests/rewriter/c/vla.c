/* VLAs and alloca: %rsp restored from a register or memory (M4), with
 * compares around it that gcc may schedule across the restore */
#include <alloca.h>

void fill(char *p, long n);

int vla_less(long n, long a, long b)
{
	int r;
	{
		char buf[n];
		fill(buf, n);
		r = buf[0] + a < b;
	}
	return r;
}

int vla_loop(long n, long a, long b)
{
	int r = 0;
	for (long i = 0; i < n; i++) {
		char buf[i + 1];
		fill(buf, i);
		r += (a + buf[0]) < b;
	}
	return r;
}

long alloca_cmp(unsigned long n, unsigned long lim)
{
	char *p = alloca(n + 1);
	fill(p, (long)n);
	return n < lim ? p[0] : -p[0];
}
