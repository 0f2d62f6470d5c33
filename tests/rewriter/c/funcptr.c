/* Function pointers: calls through registers, through memory (tables),
 * tail calls through pointers, callbacks. */
typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

static binop ops[] = { add, sub, mul };

int apply(int i, int a, int b)
{
	return ops[i % 3](a, b);
}

int fold(binop f, const int *v, int n, int init)
{
	for (int i = 0; i < n; i++)
		init = f(init, v[i]);
	return init;
}

int tail(binop f, int a)
{
	return f(a, a + 1);
}

struct vtable { int (*get)(void *); void (*set)(void *, int); };

int bump(const struct vtable *vt, void *obj)
{
	int v = vt->get(obj);
	vt->set(obj, v + 1);
	return vt->get(obj);
}

binop pick(int i) { return i ? add : mul; }
