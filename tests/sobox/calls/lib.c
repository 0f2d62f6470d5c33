/* The LFI library of tests/sobox/calls.sh (libcalls.box.so): exports
   for host threads, library threads, callbacks, pointer checks, faults,
   exit and longjmp across the boundary. Each export's comment says what
   the host side checks with it. */
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* The host computes the same function itself: a wrong argument or a
   result from another thread's call shows as a mismatch. */
long mix(long a, long b)
{
	unsigned long x = (unsigned long)a * 0x9e3779b97f4a7c15UL;

	return (long)(x ^ (x >> 29) ^ ((unsigned long)b << 7) ^ (unsigned long)b);
}

/* Live box threads, counted by the box's own libc: a thread is counted
   at its first thread_enter and uncounted by the key's destructor, which
   musl runs when the thread ends (pthread_exit). A host thread's box
   thread that is never ended makes the count grow. */
static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static long live;

static void thread_gone(void *p)
{
	__atomic_sub_fetch(&live, 1, __ATOMIC_SEQ_CST);
}

static void make_key(void)
{
	pthread_key_create(&key, thread_gone);
}

long thread_enter(void)
{
	pthread_once(&once, make_key);
	if (!pthread_getspecific(key)) {
		pthread_setspecific(key, &live);
		__atomic_add_fetch(&live, 1, __ATOMIC_SEQ_CST);
	}
	return __atomic_load_n(&live, __ATOMIC_SEQ_CST);
}

long threads_live(void)
{
	return __atomic_load_n(&live, __ATOMIC_SEQ_CST);
}

/* The box thread's identity (musl's pthread_t: its descriptor sits at
   the top of the stack the runtime gave it): a reused stack gives the
   same value again. */
long box_self(void)
{
	return (long)pthread_self();
}

/* The library's own threads: each sums its slice of 1..n. */
struct slice {
	long from, to, sum;
};

static void *sum_slice(void *arg)
{
	struct slice *s = arg;

	for (long i = s->from; i <= s->to; i++)
		s->sum += i;
	return s;
}

long par_sum(long nthreads, long n)
{
	pthread_t th[16];
	struct slice s[16];
	long total = 0;

	if (nthreads < 1 || nthreads > 16)
		return -2;
	for (long k = 0; k < nthreads; k++) {
		s[k].from = n * k / nthreads + 1;
		s[k].to = n * (k + 1) / nthreads;
		s[k].sum = 0;
		if (pthread_create(&th[k], NULL, sum_slice, &s[k]))
			return -3;
	}
	for (long k = 0; k < nthreads; k++) {
		void *r;
		if (pthread_join(th[k], &r) || r != &s[k])
			return -4;
		total += s[k].sum;
	}
	return total;
}

/* The library's threads call a host function (each its own k). */
struct cb_slice {
	long (*f)(long);
	long k, r;
};

static void *call_slice(void *arg)
{
	struct cb_slice *s = arg;

	s->r = s->f(s->k);
	return s;
}

long par_cb(long nthreads, long (*f)(long))
{
	pthread_t th[16];
	struct cb_slice s[16];
	long total = 0;

	if (nthreads < 1 || nthreads > 16)
		return -2;
	for (long k = 0; k < nthreads; k++) {
		s[k] = (struct cb_slice){ f, k + 1, 0 };
		if (pthread_create(&th[k], NULL, call_slice, &s[k]))
			return -3;
	}
	for (long k = 0; k < nthreads; k++) {
		if (pthread_join(th[k], NULL))
			return -4;
		total += s[k].r;
	}
	return total;
}

/* Callbacks: the box's qsort with a host comparator. */
void sort_ints(int *v, size_t n, int (*cmp)(const void *, const void *))
{
	qsort(v, n, sizeof *v, cmp);
}

/* fib through the boundary: each level calls the host, whose function
   calls fib_cb again (host -> box -> host -> box ...). */
long fib_cb(long n, long (*host_fib)(long))
{
	if (n < 2)
		return n;
	return host_fib(n - 1) + host_fib(n - 2);
}

/* The same with the host function's box address as an integer: no
   pointer argument for the trampoline to check. */
long fib_l(long n, long host_fib)
{
	long (*f)(long) = (long (*)(long))host_fib;

	if (n < 2)
		return n;
	return f(n - 1) + f(n - 2);
}

/* Nesting depth: the host's cb calls down again, n levels. */
long down(long n, long cb)
{
	return n ? ((long (*)(long))cb)(n - 1) + 1 : 0;
}

/* No pointer parameter, but stack arguments and doubles (9 integers, 6
   in registers; 9 doubles, 8 in registers), and a result in memory: for
   the nested path's frame. */
double sum_many(long a1, double d1, long a2, double d2, long a3, double d3,
		long a4, double d4, long a5, double d5, long a6, double d6,
		long a7, double d7, long a8, double d8, long a9, double d9)
{
	return a1 + 2 * d1 + 3 * a2 + 4 * d2 + 5 * a3 + 6 * d3 + 7 * a4 + 8 * d4 +
	       9 * a5 + 10 * d5 + 11 * a6 + 12 * d6 + 13 * a7 + 14 * d7 +
	       15 * a8 + 16 * d8 + 17 * a9 + 18 * d9;
}

struct big {
	long v[5];
};

struct big make_big(long a, long b, long c, long d, long e, long f, long g)
{
	struct big r = { { a + g, b * 2, c * 3, d - e, f } };

	return r;
}

/* One callback of one long argument. */
long call_cb(long (*f)(long), long x)
{
	return f(x);
}

/* Many arguments both ways: 9 integers and 9 doubles in (some on the
   stack), 10 and 10 out to the callback (4 integers and 2 doubles on
   the stack), a double back from each. */
typedef double many_fn(long, double, long, double, long, double, long, double,
		       long, double, long, double, long, double, long, double,
		       long, double, long, double);

double relay_many(many_fn *f, long a1, double d1, long a2, double d2, long a3,
		  double d3, long a4, double d4, long a5, double d5, long a6,
		  double d6, long a7, double d7, long a8, double d8, long a9,
		  double d9)
{
	double r = f(a9, d9, a8, d8, a7, d7, a6, d6, a5, d5, a4, d4, a3, d3,
		     a2, d2, a1, d1, 1000, 0.5);

	return r * 2.0;
}

/* float in and out of a callback, and a struct-free mixed signature */
float relay_float(float (*f)(float, int, float), float x, int k)
{
	return f(x, k, x * 2.0f) + 1.0f;
}

/* Is p the library's own mix (the box address the host got from
   calls_box_addr)? */
long is_mix(void *p)
{
	return p == (void *)mix;
}

/* Pointer arguments: NULL gives -2, else the string's length. */
long str_len(const char *s)
{
	return s ? (long)strlen(s) : -2;
}

/* A pointer result of a pointer argument (NULL when the call fails). */
char *echo(char *s)
{
	return s;
}

/* A pointer on the stack (the seventh integer argument). */
long seventh(long a, long b, long c, long d, long e, long f, const char *p)
{
	return p ? (long)strlen(p) + a + b + c + d + e + f : -2;
}

/* A buggy library: pointers that point outside its box. */
char *bad_ptr(long which)
{
	switch (which) {
	case 0:
		return (char *)0x1234;
	case 1:
		return (char *)0xdead000000005678UL;
	case 2:
		return NULL;
	default:
		return (char *)-8L;
	}
}

/* An out-value written by the library: a bad pointer, or NULL. */
int get(char **out, long which)
{
	if (!out)
		return -2;
	*out = which ? bad_ptr(which - 1) : NULL;
	return 7;
}

/* Runs until flag[0] is set (flag[1] says it started); the number of
   rounds, at least 1. */
long spin_until(volatile int *flag)
{
	long n = 1;

	flag[1] = 1;
	while (!flag[0])
		n++;
	return n;
}

/* A fault in the box. */
long crash(long v)
{
	*(volatile long *)16 = v;	/* the null guard */
	return v;
}

char *crash_ptr(long v)
{
	return (char *)crash(v);
}

/* The library ends its process. */
long do_exit(long code)
{
	exit((int)code);
}

/* A library thread ends the process while the host's call waits for
   it in pthread_join (or, with later = 1, after the call returned). */
#include <time.h>

static void *exit_soon(void *arg)
{
	struct timespec ts = { 0, 50 * 1000000L };

	nanosleep(&ts, NULL);
	exit((int)(long)arg);
}

long exit_in_thread(long code, long later)
{
	pthread_t t;

	if (pthread_create(&t, NULL, exit_soon, (void *)code))
		return -2;
	if (later)
		return pthread_detach(t) ? -3 : 0;
	pthread_join(t, NULL);
	return -4;	/* not reached: exit does not end a thread */
}

/* A counter that outlives a dlclose (the library is not unloaded). */
long counter_next(void)
{
	static long n;

	return ++n;
}

/* longjmp inside the box across a host frame: calls f (a host
   callback that calls box_jump, the nested call below), which jumps
   back here past the host's frames. Returns 1 when the jump came. */
static jmp_buf box_jb;

long box_setjmp_call(long (*f)(long))
{
	if (setjmp(box_jb))
		return 1;
	f(5);
	return 0;
}

long box_jump(long v)
{
	longjmp(box_jb, (int)v);
}

/* n library threads that live until the box goes (they sleep in the
   box): for destroy, which must end them. The number started. */
static void *sleep_forever(void *arg)
{
	struct timespec ts = { 0, 5 * 1000000L };

	for (;;)
		nanosleep(&ts, NULL);
	return arg;
}

/* n detached library threads running fn; the number started. */
static long start_detached(long n, void *(*fn)(void *))
{
	long k;

	for (k = 0; k < n; k++) {
		pthread_t t;

		if (pthread_create(&t, NULL, fn, NULL) || pthread_detach(t))
			break;
	}
	return k;
}

long start_sleepers(long n)
{
	return start_detached(n, sleep_forever);
}

/* Calls f(1) from a new library thread, later: a callback on one of the
   library's own threads. */
static long (*async_f)(long);

static void *call_later(void *arg)
{
	struct timespec ts = { 0, 20 * 1000000L };

	nanosleep(&ts, NULL);
	async_f(1);
	return arg;
}

long start_async(long (*f)(long))
{
	pthread_t t;

	async_f = f;
	if (pthread_create(&t, NULL, call_later, NULL) || pthread_detach(t))
		return -1;
	return 0;
}

/* A 16 KiB result: a long copy out of the box on the way back. */
struct wide {
	long v[2048];
};

struct wide wide(long x)
{
	struct wide w;

	for (int k = 0; k < 2048; k++)
		w.v[k] = x + k;
	return w;
}

/* n library threads that wait on a condition nobody signals (a futex
   wait with no timeout: only a signal gets them out). */
static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_never = PTHREAD_COND_INITIALIZER;

static void *wait_forever(void *arg)
{
	pthread_mutex_lock(&wait_lock);
	for (;;)
		pthread_cond_wait(&wait_never, &wait_lock);
	return arg;
}

long start_waiters(long n)
{
	return start_detached(n, wait_forever);
}
