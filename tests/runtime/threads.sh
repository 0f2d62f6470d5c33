#!/bin/bash
# Threads under lfi-run: programs built with the driver, run in a box and
# compared with what they print natively (the same source built with the
# host gcc). Usage: tests/runtime/threads.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: threads.sh BUILD_DIR}" && pwd)
CC=$B/bin/x86_64-lfi-linux-musl-gcc
RUN=${LFI_RUN:-$B/bin/lfi-run}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: threads/$1"; }
failt() { echo "FAIL: threads/$1: $2"; }

# check NAME PROGRAM STATUS ARGS...: PROGRAM (NAME.c built with the
# driver) exits with STATUS, prints what NAME.native prints, nothing on
# stderr.
check() {
	local name=$1 prog=$2 want=$3
	shift 3
	timeout 60 "$RUN" "$prog" "$@" > box.out 2> box.err
	local got=$?
	timeout 60 ./"$name.native" "$@" > native.out 2>&1
	if [ "$got" -ne "$want" ]; then
		failt "$prog" "exit $got, expected $want: $(head -c 300 box.err)"
	elif ! cmp -s box.out native.out; then
		failt "$prog" "output differs from native: $(head -c 300 box.out)"
	elif [ -s box.err ]; then
		failt "$prog" "stderr: $(head -c 300 box.err)"
	else
		pass "$prog"
	fi
}

build() {
	gcc -O2 -pthread -o "$1.native" "$1.c" 2>cc.err &&
	"$CC" -O2 -static-pie -o "$1" "$1.c" 2>>cc.err &&
	"$CC" -O2 -o "$1-dynamic" "$1.c" 2>>cc.err || { failt "$1" "build: $(head -3 cc.err)"; return 1; }
}

# 64 threads: sums, mutex, condition variable, thread-local variables
cat > compute.c <<'C'
#include <pthread.h>
#include <stdio.h>
#define N 64
static __thread long mine = 7;
static long sums[N], total;
static int arrived, go;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static void *work(void *arg)
{
	long id = (long)arg, s = 0;
	mine = id * 100;
	pthread_mutex_lock(&lock);
	arrived++;
	pthread_cond_broadcast(&cond);
	while (!go)			/* everybody alive at once */
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	for (long i = 1; i <= 20000 * (id + 1); i++) {
		s += i;
		if (i % 5000 == 0) {	/* contended */
			pthread_mutex_lock(&lock);
			total += 5000;
			pthread_mutex_unlock(&lock);
		}
	}
	sums[id] = s;
	return (void *)(mine + 1);
}
int main(void)
{
	pthread_t th[N];
	long bad = 0;
	for (long i = 0; i < N; i++)
		if (pthread_create(&th[i], NULL, work, (void *)i))
			return 1;
	pthread_mutex_lock(&lock);
	while (arrived < N)
		pthread_cond_wait(&cond, &lock);
	go = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (long i = 0; i < N; i++) {
		void *ret;
		long n = 20000 * (i + 1);
		pthread_join(th[i], &ret);
		bad += (long)ret != i * 100 + 1 || sums[i] != n * (n + 1) / 2;
	}
	printf("threads %d bad %ld total %ld main's tls %ld\n", N, bad, total, mine);
	return 0;
}
C
# detached threads that end on their own, in waves (stacks reused)
cat > detached.c <<'C'
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static int done;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static void *work(void *arg)
{
	pthread_mutex_lock(&lock);
	done++;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	if ((long)arg & 1)
		pthread_exit(0);
	return 0;
}
int main(void)
{
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (int wave = 0; wave < 10; wave++) {
		for (long i = 0; i < 16; i++) {
			pthread_t t;
			if (pthread_create(&t, &a, work, (void *)i))
				return 1;
		}
		pthread_mutex_lock(&lock);
		while (done < 16 * (wave + 1))
			pthread_cond_wait(&cond, &lock);
		pthread_mutex_unlock(&lock);
	}
	usleep(10000);
	printf("detached %d\n", done);
	return 0;
}
C
# exit_group from a thread while main waits forever and another spins
cat > exit-thread.c <<'C'
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
static volatile int spin = 1;
static void *spinner(void *arg) { while (spin) ; return 0; }
static void *leaver(void *arg)
{
	printf("leaving from a thread\n");
	exit(5);
}
int main(void)
{
	pthread_t s, l;
	pthread_create(&s, NULL, spinner, NULL);
	pthread_create(&l, NULL, leaver, NULL);
	pthread_join(s, NULL);
	printf("not reached\n");
	return 0;
}
C
# main calls pthread_exit; the last thread ends the process (status 0)
cat > main-exits.c <<'C'
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static pthread_t main_thread;
static void *late(void *arg)
{
	void *ret;
	usleep(20000);
	printf("joined main: %d\n", pthread_join(main_thread, &ret));
	printf("last thread, main said %ld\n", (long)ret);
	return 0;
}
int main(void)
{
	pthread_t t;
	main_thread = pthread_self();
	pthread_create(&t, NULL, late, NULL);
	printf("main leaves\n");
	fflush(stdout);
	pthread_exit((void *)42);
}
C
# futex timeouts, sigaction/sigprocmask (emulated), clone refusals
cat > misc.c <<'C'
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
static void on_usr1(int sig) { }
int main(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct timespec t0, t1, at;
	struct sigaction sa = { .sa_handler = on_usr1 }, old;
	sigset_t set, cur;
	cpu_set_t cpus;
	long ms;
	int r;

	clock_gettime(CLOCK_REALTIME, &t0);
	at = t0;
	at.tv_nsec += 50000000;
	if (at.tv_nsec >= 1000000000) { at.tv_sec++; at.tv_nsec -= 1000000000; }
	pthread_mutex_lock(&m);
	r = pthread_cond_timedwait(&c, &m, &at);
	pthread_mutex_unlock(&m);
	clock_gettime(CLOCK_REALTIME, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	printf("timedwait: %s, waited enough: %d\n", strerror(r), ms >= 45);

	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	printf("sigaction: %d", sigaction(SIGUSR1, &sa, NULL));
	printf(" %d", sigaction(SIGUSR1, NULL, &old));
	printf(" same handler %d, mask has USR2 %d\n", old.sa_handler == on_usr1,
	       sigismember(&old.sa_mask, SIGUSR2));
	printf("sigaction(SIGKILL): %d\n", sigaction(SIGKILL, &sa, NULL) < 0 ? errno : 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGKILL);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	pthread_sigmask(SIG_BLOCK, NULL, &cur);
	printf("blocked USR1 %d KILL %d USR2 %d\n", sigismember(&cur, SIGUSR1),
	       sigismember(&cur, SIGKILL), sigismember(&cur, SIGUSR2));

	printf("fork-like clone: %s\n",
	       syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0) < 0 ? strerror(errno) : "made");
	printf("odd clone flags: %s\n",
	       syscall(SYS_clone, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
		       CLONE_THREAD | CLONE_SYSVSEM | CLONE_NEWNS, 0, 0, 0, 0) < 0 ?
	       strerror(errno) : "made");
	printf("affinity: %d, cpus > 0: %d\n", sched_getaffinity(0, sizeof cpus, &cpus),
	       CPU_COUNT(&cpus) > 0);
	printf("tid is pid in main: %d\n", gettid() == getpid());
	return 0;
}
C
for p in compute detached exit-thread main-exits misc; do
	build $p
done
check compute compute 0
check compute compute-dynamic 0
check detached detached 0
check detached detached-dynamic 0
check exit-thread exit-thread 5
check main-exits main-exits 0
check main-exits main-exits-dynamic 0
# misc: natively the fork-like clone would fork, so the expected text is
# written out (musl's strerror wording).
timeout 60 "$RUN" misc > box.out 2> box.err
cat > want.out <<'OUT'
timedwait: Operation timed out, waited enough: 1
sigaction: 0 0 same handler 1, mask has USR2 1
sigaction(SIGKILL): 22
blocked USR1 1 KILL 0 USR2 0
fork-like clone: Function not implemented
odd clone flags: Invalid argument
affinity: 0, cpus > 0: 1
tid is pid in main: 1
OUT
if cmp -s box.out want.out; then pass misc
else failt misc "$(diff want.out box.out | head -c 400) $(head -c 200 box.err)"; fi
exit 0
