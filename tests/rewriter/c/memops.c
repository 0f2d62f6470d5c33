/* memcpy/memset-style loops (gcc may turn them into rep movs/stos or
 * calls), large struct copies and zeroing, a big stack frame, and VLAs. */
#include <stddef.h>

void *my_memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	while (n--)
		*dp++ = *sp++;
	return d;
}

void *my_memset(void *d, int c, size_t n)
{
	unsigned char *p = d;
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)c;
	return d;
}

struct big { long v[64]; };

void copy_big(struct big *d, const struct big *s) { *d = *s; }
void zero_big(struct big *d) { *d = (struct big){ 0 }; }

int use_stack(int k)
{
	volatile char buf[8192];
	for (int i = 0; i < 8192; i += 512)
		buf[i] = (char)(i + k);
	return buf[k & 8191];
}

int vla_sum(int n)
{
	int a[n];
	for (int i = 0; i < n; i++)
		a[i] = i * i;
	int s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}

void *builtin_copy(void *d, const void *s) { return __builtin_memcpy(d, s, 200); }
