/* Loops over arrays: indexed loads/stores, reductions, 2-D indexing. */
long sum(const int *a, long n)
{
	long s = 0;
	for (long i = 0; i < n; i++)
		s += a[i];
	return s;
}

void scale(double *dst, const double *src, int n, double k)
{
	for (int i = 0; i < n; i++)
		dst[i] = src[i] * k;
}

int matrix_trace(int m[8][8])
{
	int t = 0;
	for (int i = 0; i < 8; i++)
		t += m[i][i];
	return t;
}

static int table[256];

int lookup(unsigned char c)
{
	return table[c] + table[(c + 1) & 255];
}

void fill_table(int v)
{
	for (int i = 0; i < 256; i++)
		table[i] = v * i;
}
