#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include "sigrun_box.h"

long via(long (*cb)(void));
long spin_until(volatile int *flag);
long id(long x);

static volatile int *flag;
static volatile long from_handler = 12345;

static void on_alarm(int sig)
{
	from_handler = id(7);	/* the box is running spin_until */
	*flag = 1;
}

static long cb(void)
{
	struct itimerval it = { .it_value = { 0, 20000 } };

	setitimer(ITIMER_REAL, &it, NULL);
	return spin_until(flag);
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	flag = sigrun_box_calloc(1, sizeof *flag);
	printf("via -> %ld\n", via((long (*)(void))sigrun_box_register_cb((void *)cb)));
	printf("handler got %ld\n", from_handler);
	printf("after: %ld\n", id(9));
	return 0;
}
