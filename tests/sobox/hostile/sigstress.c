/* A thread signals the main thread all the time, whose handler calls
   into the box, while the main thread runs callbacks in a loop: a
   handler landing in a callback's way back must be refused or served,
   never crash the host (it did: the marker died before the callback
   word moved on, and the handler's check reset the live run). */
#include <pthread.h>
#include <stdlib.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include "sigrun_box.h"
long via(long (*cb)(void));
long id(long x);
static volatile long refused, ok;
static void h(int s) { (void)s; if (id(5) == 5) ok++; else refused++; }
static long cb1(void) { return 10; }
static pthread_t mainth;
static void *kicker(void *a) { (void)a; for (;;) { pthread_kill(mainth, SIGUSR1); usleep(1); } }
int main(void)
{
	struct sigaction sa = { .sa_handler = h, .sa_flags = SA_ONSTACK | SA_RESTART };
	static char alt[65536];
	stack_t ss = { .ss_sp = alt, .ss_size = sizeof alt };
	pthread_t k;
	sigaltstack(&ss, 0);
	sigaction(SIGUSR1, &sa, 0);
	long (*b1)(void) = (long (*)(void))sigrun_box_register_cb((void *)cb1);
	mainth = pthread_self();
	pthread_create(&k, 0, kicker, 0);
	for (long i = 0; i < 300000; i++)
		if (via(b1) != 11) { printf("via failed at %ld\n", i); break; }
	printf("done ok=%ld refused=%ld\n", ok, refused);
	return 0;
}
