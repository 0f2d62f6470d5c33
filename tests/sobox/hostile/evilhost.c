#include <stdio.h>
#include <string.h>
#include "evil_box.h"
struct big { char b[60000]; };
long bigarg(struct big s); long evil(long (*cb)(void)); long prep(void);
#include <pthread.h>
static long (*b)(void);
static void *thr(void *a) { printf("thread: evil -> %ld\n", evil(b)); return 0; }
static long cb(void) { struct big s; memset(&s, 1, sizeof s); printf("in callback\n"); fflush(stdout); return bigarg(s); }
int main(void) {
	pthread_t th;
	b = (long (*)(void))evil_box_register_cb((void *)cb);
	printf("prep -> %lx\n", prep());
	pthread_create(&th, 0, thr, 0); pthread_join(th, 0);
	printf("host survived\n");
	return 0;
}
