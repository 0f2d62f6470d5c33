/* String handling: length, compare, copy, search, reverse, tokenizing,
 * string literals in .rodata. */
#include <stddef.h>

size_t my_strlen(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return (size_t)(p - s);
}

int my_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

char *my_strcpy(char *d, const char *s)
{
	char *r = d;
	while ((*d++ = *s++))
		;
	return r;
}

const char *my_strstr(const char *h, const char *n)
{
	for (; *h; h++) {
		const char *a = h, *b = n;
		while (*a && *b && *a == *b)
			a++, b++;
		if (!*b)
			return h;
	}
	return 0;
}

void reverse(char *s)
{
	size_t n = my_strlen(s);
	for (size_t i = 0; i < n / 2; i++) {
		char t = s[i];
		s[i] = s[n - 1 - i];
		s[n - 1 - i] = t;
	}
}

static const char *const words[] = { "alpha", "beta", "gamma", "delta" };
const char *word(int i) { return words[i & 3]; }

int count_words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n')
			in = 0;
		else if (!in)
			in = 1, n++;
	}
	return n;
}
