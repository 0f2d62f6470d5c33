/* Recursion: plain, mutual, and tree walks. */
struct node { int key; struct node *left, *right; };

long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int depth(const struct node *t)
{
	if (!t)
		return 0;
	int l = depth(t->left), r = depth(t->right);
	return 1 + (l > r ? l : r);
}

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
int parity(unsigned n) { return is_even(n); }

int ackermann(int m, int n)
{
	if (m == 0)
		return n + 1;
	if (n == 0)
		return ackermann(m - 1, 1);
	return ackermann(m - 1, ackermann(m, n - 1));
}

void qsort_ints(int *a, int lo, int hi)
{
	if (lo >= hi)
		return;
	int p = a[(lo + hi) / 2], i = lo, j = hi;
	while (i <= j) {
		while (a[i] < p) i++;
		while (a[j] > p) j--;
		if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
	}
	qsort_ints(a, lo, j);
	qsort_ints(a, i, hi);
}
