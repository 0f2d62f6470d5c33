/* words.c - libwords (words.h): an ordinary C library with an ordinary
   bug. The demo builds it natively and for the box from this file. */
#include <stdio.h>
#include <string.h>

#include "words.h"

static const char *const small[20] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const tens[10] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety",
};
static const char *const scale[7] = {
	"", " thousand", " million", " billion", " trillion", " quadrillion",
	" quintillion",
};

static char text[256];

/* 1..999 at the end of text */
static void hundreds(unsigned n)
{
	char *p = text + strlen(text);

	if (n >= 100)
		p += sprintf(p, "%s hundred%s", small[n / 100], n % 100 ? " " : "");
	n %= 100;
	if (n >= 20)
		sprintf(p, "%s%s%s", tens[n / 10], n % 10 ? "-" : "",
			n % 10 ? small[n % 10] : "");
	else if (n)
		sprintf(p, "%s", small[n]);
}

const char *spell(long n)
{
	unsigned long u = n < 0 ? -(unsigned long)n : (unsigned long)n;
	unsigned group[7];
	int k = 0;

	if (u == 0)
		return strcpy(text, small[0]);
	strcpy(text, n < 0 ? "minus" : "");
	for (; u; u /= 1000)
		group[k++] = u % 1000;
	while (k--)
		if (group[k]) {
			if (text[0])
				strcat(text, " ");
			hundreds(group[k]);
			strcat(text, scale[k]);
		}
	return text;
}

static char cell[64];

const char *column(long n, int width)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%ld", n);
	int pad = width > len ? width - len : 0;

	/* the bug: width is never checked against the size of cell */
	memset(cell, ' ', pad);
	memcpy(cell + pad, digits, len + 1);
	return cell;
}
