/*
 * Linked against Debian's real libz.so.1 (it asks for ZLIB_1.2.0 and
 * ZLIB_1.2.12), run against a boxed libz.so.1. Only calls that take no
 * host pointers: the box cannot follow one (sobox/README.md). Prints the
 * results, then the file libz.so.1 was mapped from.
 */
#include <stdio.h>
#include <string.h>

unsigned long crc32(unsigned long, const unsigned char *, unsigned);
unsigned long adler32(unsigned long, const unsigned char *, unsigned);
unsigned long compressBound(unsigned long);			/* ZLIB_1.2.0 */
unsigned long crc32_combine_gen(long);				/* ZLIB_1.2.12 */
unsigned long crc32_combine_op(unsigned long, unsigned long, unsigned long);
const char *zlibVersion(void);

int main(void)
{
	char line[4096];
	FILE *maps = fopen("/proc/self/maps", "r");
	unsigned long op = crc32_combine_gen(1000);

	printf("%lu %lu %lu %s %lu %lu\n", crc32(0, NULL, 0), adler32(1, NULL, 0),
	       compressBound(1000), zlibVersion(), op,
	       crc32_combine_op(0x12345678, 0x9abcdef0, op));
	while (maps && fgets(line, sizeof line, maps))
		if (strstr(line, "/libz.so.1")) {
			fputs(strchr(line, '/'), stdout);
			break;
		}
	return 0;
}
