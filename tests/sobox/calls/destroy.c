/* The host program of tests/sobox/calls.sh for calls_box_destroy, linked
   against libcalls.box.so: the box goes and the next call makes a new
   one; refused while a thread is inside; the library's own threads end
   with it; calls racing with it get the new box; its memory goes back. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calls_box.h"
#include "check.h"

long mix(long, long);
long counter_next(void);
long call_cb(long (*)(long), long);
long spin_until(volatile int *);
long start_sleepers(long);
long start_waiters(long);
long str_len(const char *);
long start_async(long (*)(long));
struct wide {
	long v[2048];
};
struct wide wide(long);
long thread_enter(void);
long threads_live(void);

static long host_mix(long a, long b)
{
	unsigned long x = (unsigned long)a * 0x9e3779b97f4a7c15UL;

	return (long)(x ^ (x >> 29) ^ ((unsigned long)b << 7) ^ (unsigned long)b);
}

static void sleep_us(long us)
{
	struct timespec ts = { 0, us * 1000 };

	nanosleep(&ts, NULL);
}

static void new_box(void)
{
	long a = counter_next(), b = counter_next(), r = calls_box_destroy(),
	     c = counter_next();

	check("destroy/next-call-makes-a-new-box", a == 1 && b == 2 && r == 0 && c == 1,
	      "counter %ld %ld, destroy %ld, then %ld", a, b, r, c);
	r = calls_box_destroy();
	check("destroy/twice", r == 0 && calls_box_destroy() == 0 && counter_next() == 1,
	      "%ld", r);
}

static int cb_result, cb_errno;

static long destroy_inside(long x)
{
	cb_result = calls_box_destroy();
	cb_errno = errno;
	return x + 1;
}

static void refused_in_callback(void)
{
	long before = counter_next();
	void *cb = calls_box_register_cb((void *)destroy_inside);
	long r = call_cb((long (*)(long))cb, 41);

	check("destroy/refused-in-a-callback", r == 42 && cb_result == -1 &&
	      cb_errno == EBUSY && counter_next() == before + 1,
	      "call %ld, destroy %d errno %d", r, cb_result, cb_errno);
}

static void *spinner(void *flag)
{
	return (void *)spin_until(flag);
}

static void refused_while_inside(void)
{
	volatile int *flag = calls_box_calloc(2, sizeof *flag);
	long before = counter_next(), r;
	pthread_t t;
	void *spun = NULL;
	int err;

	if (!flag || pthread_create(&t, NULL, spinner, (void *)flag))
		return check("destroy/refused-while-another-thread-is-inside", 0, "setup");
	while (!flag[1])
		sleep_us(100);
	r = calls_box_destroy();
	err = errno;
	flag[0] = 1;
	pthread_join(t, &spun);
	check("destroy/refused-while-another-thread-is-inside",
	      r == -1 && err == EBUSY && (long)spun >= 1 && counter_next() == before + 1,
	      "destroy %ld errno %d, spun %ld", r, err, (long)spun);
}

static void ends_library_threads(void)
{
	long started = start_sleepers(3), r = calls_box_destroy();
	sigset_t all, old;

	check("destroy/ends-the-library-threads", started == 3 && r == 0 &&
	      counter_next() == 1, "started %ld, destroy %ld", started, r);
	/* library threads made on a thread that blocks every signal (a host
	   using sigwait), waiting in a futex: only the runtime's stop signal
	   gets them out, so it must reach them */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	about_to("destroy/ends-library-threads-of-a-thread-blocking-signals");
	started = start_waiters(2);
	r = calls_box_destroy();
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	check("destroy/ends-library-threads-of-a-thread-blocking-signals",
	      started == 2 && r == 0 && counter_next() == 1,
	      "started %ld, destroy %ld", started, r);
}

static volatile int async_result = 99, async_errno, async_done;

static long destroy_on_library_thread(long x)
{
	async_result = calls_box_destroy();
	async_errno = errno;
	async_done = 1;
	return x;
}

/* The library's own thread cannot wait for its own end. */
static void refused_on_a_library_thread(void)
{
	void *cb = calls_box_register_cb((void *)destroy_on_library_thread);
	long r = start_async((long (*)(long))cb);

	for (int i = 0; i < 500 && !async_done; i++)
		sleep_us(10000);
	check("destroy/refused-on-a-library-thread", r == 0 && async_done &&
	      async_result == -1 && async_errno == EBUSY && counter_next() >= 1,
	      "started %ld, done %d, destroy %d errno %d", r, async_done,
	      async_result, async_errno);
}

/* ---- host threads calling while the main thread destroys ---- */

#define RACERS 4

static volatile int racing;

static void *racer(void *arg)
{
	long id = (long)arg, bad = 0, calls = 0;

	while (racing) {
		for (int k = 0; k < 50; k++, calls++)
			bad += mix(id * 1000003 + calls, k) != host_mix(id * 1000003 + calls, k);
		sleep_us(10);	/* room for a destroy between calls */
	}
	return (void *)(bad ? -bad : calls);
}

static void racing_calls(void)
{
	pthread_t t[RACERS];
	long done = 0, busy = 0, other = 0, bad = 0, calls = 0;
	struct timespec t0, now;

	racing = 1;
	for (long i = 0; i < RACERS; i++)
		pthread_create(&t[i], NULL, racer, (void *)i);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		if (calls_box_destroy() == 0)
			done++;
		else if (errno == EBUSY)
			busy++;
		else
			other++;
		sleep_us(20);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (done < 50 && now.tv_sec - t0.tv_sec < 5);
	racing = 0;
	for (int i = 0; i < RACERS; i++) {
		void *r;

		pthread_join(t[i], &r);
		if ((long)r < 0)
			bad -= (long)r;
		else
			calls += (long)r;
	}
	check("destroy/calls-racing-with-destroys-get-the-new-box",
	      done > 0 && !other && !bad && calls > 0,
	      "%ld destroyed, %ld busy, %ld other errors; %ld wrong results in %ld calls",
	      done, busy, other, bad, calls);
}

/* A memory result is copied out of the box after the function
   returned: the run lasts until then. */
static void *wide_caller(void *arg)
{
	long bad = 0;

	for (long n = 0; racing; n++) {
		struct wide w = wide(n);

		bad += w.v[0] != n || w.v[2047] != n + 2047;
	}
	return (void *)bad;
}

/* Short-lived threads: each attaches, calls, and ends (its box thread
   detached) while destroys go on. */
static void *one_call(void *arg)
{
	return (void *)(long)(mix(5, 6) != host_mix(5, 6));
}

static void *spawner(void *arg)
{
	long bad = 0;

	while (racing) {
		pthread_t t;
		void *r;

		if (pthread_create(&t, NULL, one_call, NULL))
			continue;
		pthread_join(t, &r);
		bad += (long)r;
	}
	return (void *)bad;
}

static void race_for(void *(*fn)(void *), const char *name)
{
	pthread_t t[RACERS];
	long done = 0, bad = 0;
	struct timespec t0, now;

	racing = 1;
	for (int i = 0; i < RACERS; i++)
		pthread_create(&t[i], NULL, fn, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		done += calls_box_destroy() == 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - t0.tv_sec < 1);
	racing = 0;
	for (int i = 0; i < RACERS; i++) {
		void *r;

		pthread_join(t[i], &r);
		bad += (long)r;
	}
	check(name, done > 0 && !bad, "%ld destroyed, %ld wrong results", done, bad);
}

/* Destroys refused (a thread spins in the box) while short-lived
   threads end: each one's libc thread must end in the box before its
   stack is reused, even when a refused destroy closed its context for a
   moment (the box's count of live threads, by a key destructor in the
   box, comes back to the spinner's). */
static void *enter_once(void *arg)
{
	return (void *)thread_enter();
}

static void *churn(void *arg)
{
	while (racing) {
		pthread_t t;

		if (!pthread_create(&t, NULL, enter_once, NULL))
			pthread_join(t, NULL);
	}
	return NULL;
}

static void refused_destroys_and_ending_threads(void)
{
	volatile int *flag = calls_box_calloc(2, sizeof *flag);
	pthread_t spin, c[3];
	long busy = 0, other = 0, live;
	struct timespec t0, now;

	if (!flag || pthread_create(&spin, NULL, spinner, (void *)flag))
		return check("destroy/refused-destroys-and-ending-threads", 0, "setup");
	while (!flag[1])
		sleep_us(100);
	racing = 1;
	for (int i = 0; i < 3; i++)
		pthread_create(&c[i], NULL, churn, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		if (calls_box_destroy() == 0)
			other++;
		else
			busy += errno == EBUSY;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - t0.tv_sec < 2);
	racing = 0;
	for (int i = 0; i < 3; i++)
		pthread_join(c[i], NULL);
	flag[0] = 1;
	pthread_join(spin, NULL);
	sleep_us(100000);
	live = threads_live();
	check("destroy/refused-destroys-and-ending-threads", busy > 0 && !other && live == 0,
	      "%ld refused, %ld done, %ld box threads live", busy, other, live);
}

/* ---- what goes with the box ---- */

static long plus_one(long x)
{
	return x + 1;
}

static void api_after(void)
{
	char *s = calls_box_strdup("before");
	void *cb = calls_box_register_cb((void *)plus_one), *again, *cb2;
	int r = calls_box_destroy();
	char *t = calls_box_strdup("abc");

	check("destroy/box-api-after", s && r == 0 && t && str_len(t) == 3 &&
	      calls_box_contains(t, 4), "%p %d %p", (void *)s, r, (void *)t);
	again = calls_box_addr((void *)plus_one);
	cb2 = calls_box_register_cb((void *)plus_one);
	check("destroy/callbacks-are-forgotten", cb && !again && cb2 &&
	      call_cb((long (*)(long))cb2, 1) == 2, "%p %p", again, cb2);
}

static long vm_size_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmSize:", 7))
			kb = atol(line + 7);
	if (f)
		fclose(f);
	return kb;
}

/* Each box reserves 84 GiB of address space: kept, 20 boxes would add
   1.6 TiB. */
static void memory_released(void)
{
	long before, after, ok = 1;

	counter_next();
	before = vm_size_kb();
	for (int i = 0; i < 20; i++)
		ok &= calls_box_destroy() == 0 && counter_next() == 1;
	after = vm_size_kb();
	check("destroy/memory-goes-back", ok && before > 0 &&
	      after - before < 4L * 1024 * 1024, "VmSize %ld kB -> %ld kB", before, after);
}

/* A host thread whose context a destroy closed: called again it gets
   the new box; ending, it only frees its context. */
static void *call_twice(void *arg)
{
	volatile int *go = arg;
	long first = counter_next();

	while (!*go)
		sleep_us(100);
	return (void *)(first >= 1 && counter_next() == 1 ? 1L : 0L);
}

static void *call_once(void *arg)
{
	volatile int *go = arg;
	long first = counter_next();

	while (!*go)
		sleep_us(100);
	return (void *)(first >= 1 ? 1L : 0L);
}

static void closed_threads(void)
{
	static volatile int go;
	pthread_t a, b;
	void *ra = NULL, *rb = NULL;
	int r;

	pthread_create(&a, NULL, call_twice, (void *)&go);
	pthread_create(&b, NULL, call_once, (void *)&go);
	sleep_us(20000);	/* both attached, waiting outside the box */
	r = calls_box_destroy();
	go = 1;
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	check("destroy/closed-thread-calls-again-or-ends", r == 0 && ra && rb,
	      "destroy %d, threads %p %p", r, ra, rb);
}

int main(void)
{
	new_box();
	refused_in_callback();
	refused_while_inside();
	ends_library_threads();
	refused_on_a_library_thread();
	racing_calls();
	race_for(wide_caller, "destroy/memory-results-racing-with-destroys");
	race_for(spawner, "destroy/short-lived-threads-racing-with-destroys");
	refused_destroys_and_ending_threads();
	api_after();
	memory_released();
	closed_threads();
	return 0;
}
