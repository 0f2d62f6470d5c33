/* After a host longjmp across two boxes, box B's context is left with
   a stale callback count and marker: a signal handler calling into B
   while B runs must be refused cleanly (it crashed the host). */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include "jmpa_box.h"
#include "sigrun_box.h"
long via_a(long (*)(void)), id_a(long);
long via(long (*)(void)), spin_until(volatile int *), id(long);
static jmp_buf jb;
static long (*bcb2)(void);
static volatile int *flag;
static volatile long from_handler = 12345;
static void on_alarm(int s) { (void)s; from_handler = id(7); *flag = 1; }
static long cb2(void) { longjmp(jb, 1); }
static long cb1(void)
{
	if (!setjmp(jb))
		printf("via(B) -> %ld\n", via(bcb2));
	else
		printf("longjmp back into cb1 (A's callback)\n");
	return 10;
}
int main(void)
{
	struct sigaction sa;
	struct itimerval it = { .it_value = { 0, 20000 } };

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	flag = sigrun_box_calloc(1, sizeof *flag);
	bcb2 = (long (*)(void))sigrun_box_register_cb((void *)cb2);
	long (*b1)(void) = (long (*)(void))jmpa_box_register_cb((void *)cb1);
	printf("via_a -> %ld\n", via_a(b1));
	fflush(stdout);
	setitimer(ITIMER_REAL, &it, NULL);
	printf("spin_until -> %ld\n", spin_until(flag));
	printf("handler got %ld\n", from_handler);
	printf("after: id(9) -> %ld\n", id(9));
	return 0;
}
