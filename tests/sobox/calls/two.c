/* Two .box.so in one process (tests/sobox/calls.sh): libcalls.box.so
   and libother.box.so called alternately on one thread and on two, one
   calling into the other through host callbacks, a fault in each named
   after its own library. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "calls_box.h"
#include "check.h"
#include "other_box.h"

long mix(long, long);
long call_cb(long (*)(long), long);
long crash(long);
long str_len(const char *);
long other_mul(long, long);
long other_call_l(long, long);
long other_call(long (*)(long), long);
long other_len(const char *);
long other_crash(long);

static long host_mix(long a, long b)
{
	unsigned long x = (unsigned long)a * 0x9e3779b97f4a7c15UL;

	return (long)(x ^ (x >> 29) ^ ((unsigned long)b << 7) ^ (unsigned long)b);
}

static void *alternate(void *arg)
{
	long bad = 0, id = (long)arg;

	for (long i = 0; i < 100000; i++) {
		bad += mix(i, id) != host_mix(i, id);
		bad += other_mul(i, id) != i * id + 1;
	}
	return (void *)bad;
}

/* libcalls' callback calling libother */
static long to_other(long x)
{
	return other_mul(x, 3);
}

/* libother's callback calling libcalls */
static long to_calls(long x)
{
	return mix(x, 1);
}

/* libcalls -> host -> libother -> host -> libcalls */
static void *other_cb_to_calls;

static long chain(long x)
{
	return other_call_l((long)other_cb_to_calls, x);
}

/* the same through libother's pointer parameter */
static void *other_cb_to_calls_p;

static long chain_p(long x)
{
	return other_call((long (*)(long))other_cb_to_calls_p, x);
}

/* a callback: 1 when the thread has an alternate signal stack (without
   one, a signal's frame would land on the sandbox stack) */
static long has_altstack(long x)
{
	stack_t ss;

	return sigaltstack(NULL, &ss) == 0 && !(ss.ss_flags & SS_DISABLE);
}

static void *a_cb_to_other;

/* A new thread whose first call into libother is made from libcalls'
   callback. */
static void *first_other_in_callback(void *arg)
{
	return (void *)(long)(call_cb((long (*)(long))a_cb_to_other, 7) == 22);
}

int main(void)
{
	pthread_t th[2];
	void *r[2] = { 0, 0 };
	long bad, v;
	int lines;
	void *a_chain, *a_chain_p;

	check_group = "two/";
	bad = (long)alternate((void *)5);
	check("alternate-one-thread", bad == 0, "%ld wrong", bad);
	for (long k = 0; k < 2; k++)
		pthread_create(&th[k], NULL, alternate, (void *)k);
	for (int k = 0; k < 2; k++)
		pthread_join(th[k], &r[k]);
	check("alternate-two-threads", r[0] == NULL && r[1] == NULL, NULL);

	a_cb_to_other = calls_box_register_cb((void *)to_other);
	check("calls-callback-calls-other", call_cb((long (*)(long))a_cb_to_other, 5) == 16,
	      NULL);
	check("first-call-to-other-in-callback",
	      !pthread_create(&th[0], NULL, first_other_in_callback, NULL) &&
	      !pthread_join(th[0], &r[0]) && r[0], NULL);
	other_cb_to_calls = other_box_register_cb((void *)to_calls);
	check("other-callback-calls-calls",
	      other_call_l((long)other_cb_to_calls, 9) == host_mix(9, 1) + 1000, NULL);
	a_chain = calls_box_register_cb((void *)chain);
	v = call_cb((long (*)(long))a_chain, 11);
	check("calls-other-calls-chain", v == host_mix(11, 1) + 1000, "%ld", v);
	check("callback-tables-apart", calls_box_addr((void *)to_calls) == NULL &&
	      other_box_addr((void *)to_other) == NULL, NULL);

	/* each library's fault line names that library */
	err_begin();
	v = crash(1);
	lines = err_end();
	check("fault-in-calls-named", v == -1 && one_line(lines, "libcalls.box.so: SEGV"),
	      "%ld, %d lines: %s", v, lines, err_text);
	err_begin();
	v = other_crash(1);
	lines = err_end();
	check("fault-in-other-named", v == -1 && one_line(lines, "libother.box.so: SEGV"),
	      "%ld, %d lines: %s", v, lines, err_text);
	check("both-work-after-faults", mix(3, 3) == host_mix(3, 3) && other_mul(3, 3) == 10,
	      NULL);

	/* destroying one box leaves the thread's alternate signal stack,
	   whichever box's context made it, to the other */
	v = other_box_destroy();
	check("destroy-other-keeps-the-altstack", v == 0 &&
	      call_cb((long (*)(long))calls_box_register_cb((void *)has_altstack), 0) == 1 &&
	      other_mul(3, 3) == 10, "destroy %ld", v);

	/* pointer parameters on the way (last: see nested in host.c) */
	other_cb_to_calls_p = other_box_register_cb((void *)to_calls);
	a_chain_p = calls_box_register_cb((void *)chain_p);
	about_to("calls-other-calls-chain-pointer");
	v = call_cb((long (*)(long))a_chain_p, 11);
	check("calls-other-calls-chain-pointer", v == host_mix(11, 1) + 1000, "%ld", v);
	return 0;
}
