/* A growable text buffer: the whole output is built in memory so that a
 * failed rewrite never leaves a partial file behind. */
#include "rewrite.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->p = realloc(b->p, cap);
	if (!b->p) {
		perror("lfi-rewrite");
		exit(2);
	}
	b->cap = cap;
}

void buf_put(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	reserve(b, n);
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}
