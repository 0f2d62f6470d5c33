/* 64-bit and 128-bit arithmetic: multiply-high, division, shifts, bit
 * tricks, and hashing. */
#include <stdint.h>

uint64_t mulhi(uint64_t a, uint64_t b)
{
	return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

int64_t sdiv(int64_t a, int64_t b) { return b ? a / b : 0; }
uint64_t umod(uint64_t a, uint64_t b) { return b ? a % b : 0; }

uint64_t rotl(uint64_t x, int k) { return (x << (k & 63)) | (x >> (-k & 63)); }

int popcount64(uint64_t x)
{
	int n = 0;
	while (x) {
		x &= x - 1;
		n++;
	}
	return n;
}

uint64_t fnv1a(const unsigned char *p, uint64_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (uint64_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t state = 88172645463325252ULL;
uint64_t xorshift(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}
