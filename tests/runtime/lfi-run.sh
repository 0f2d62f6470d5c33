#!/bin/bash
# lfi-run on programs built with the toolchain: output, exit status, faults
# and bad input. Usage: tests/runtime/lfi-run.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: lfi-run.sh BUILD_DIR}" && pwd)
CC=$B/bin/x86_64-lfi-linux-musl-gcc
RUN=${LFI_RUN:-$B/bin/lfi-run}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: lfi-run/$1"; }
failt() { echo "FAIL: lfi-run/$1: $2"; }

# PATTERN FILE: an ERE found in FILE, or FILE empty when PATTERN is ""
matches() {
	if [ -z "$1" ]; then [ ! -s "$2" ]; else grep -qE -- "$1" "$2"; fi
}

# expect NAME STATUS STDOUT-PATTERN STDERR-PATTERN -- COMMAND...
expect() {
	local name=$1 want=$2 out_re=$3 err_re=$4
	shift 5
	"$@" > out 2> err
	local got=$?
	if [ "$got" -ne "$want" ]; then
		failt "$name" "exit $got, expected $want: $(head -c 300 err)"
	elif ! matches "$out_re" out; then
		failt "$name" "stdout lacks /$out_re/: $(head -c 300 out)"
	elif ! matches "$err_re" err; then
		failt "$name" "stderr lacks /$err_re/: $(head -c 300 err)"
	else
		pass "$name"
	fi
}

cat > hello.c <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	char *s = malloc(64);
	snprintf(s, 64, "hello %d %s", argc, argc > 1 ? argv[1] : "-");
	printf("%s %zu\n", s, strlen(s));
	free(s);
	return argc > 2 ? atoi(argv[2]) : 0;
}
C
cat > fault.c <<'C'
#include <stdio.h>
int main(int argc, char **argv)
{
	volatile int *p = (int *)(long)argc;	/* page 0 of the box: read-only */
	printf("before\n");
	fflush(stdout);
	*p = 1;
	return 0;
}
C
cat > jump.c <<'C'
int main(void)
{
	((void (*)(void))0x10000000)();	/* masked into the box: unmapped */
	return 0;
}
C
cat > opath.c <<'C'
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int main(void)
{
	int fd = open("victim", O_WRONLY | O_CREAT, 0644);
	write(fd, "x", 1);
	close(fd);
	fd = open("victim", O_PATH | O_CREAT, 0644);	/* Linux creates nothing */
	printf("%d %d\n", fd >= 0, access("victim", F_OK) == 0);
	return 0;
}
C
cat > tls.c <<'C'
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
static __thread int counter = 41;
int main(void)
{
	counter++;
	errno = 0;
	if (close(-1) == 0 || errno != EBADF)
		return 3;
	printf("tls %d errno %d\n", counter, errno);
	return 0;
}
C
cat > misc.c <<'C'
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
/* One line per system call family: its result, then what it returned
   (each call made before its line is printed). */
int main(int argc, char **argv)
{
	struct utsname u;
	struct sysinfo si;
	struct rlimit rl;
	struct timespec res, a, b, nap = { 0, 2000000 };
	struct timeval tv;
	int r;

	r = uname(&u);
	printf("uname %d %s %s\n", r, u.sysname, u.nodename);
	r = sysinfo(&si);
	printf("sysinfo %d %d\n", r, si.totalram > 0);
	r = getrlimit(RLIMIT_NOFILE, &rl);
	printf("getrlimit %d %d\n", r, rl.rlim_cur > 0);
	r = setrlimit(RLIMIT_NOFILE, &rl);
	printf("setrlimit %d %d\n", r, errno == EPERM);
	r = prlimit(getppid(), RLIMIT_NOFILE, NULL, &rl);	/* another process */
	printf("prlimit-other %d %d\n", r, errno == EPERM);
	clock_gettime(CLOCK_MONOTONIC, &a);
	r = nanosleep(&nap, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("nanosleep %d %d\n", r,
	       (b.tv_sec - a.tv_sec) * 1000000000L + b.tv_nsec - a.tv_nsec >= 2000000);
	r = clock_getres(CLOCK_MONOTONIC, &res);
	printf("clock_getres %d %d\n", r, res.tv_nsec > 0);
	r = gettimeofday(&tv, NULL);
	printf("gettimeofday %d %d\n", r, tv.tv_sec > 1700000000);
	printf("getppid %d\n", getppid() == atoi(argv[1]));
	/* realloc of a large block: mremap */
	size_t n = 1 << 20;
	unsigned char *p = malloc(n), *q;
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7);
	q = realloc(p, 8 * n);
	int same = q != NULL;
	for (size_t i = 0; q && i < n; i++)
		same &= q[i] == (unsigned char)(i * 7);
	printf("realloc %d\n", same);
	/* madvise: DONTNEED zeroes data, never touches code */
	char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m[0] = 1;
	r = madvise(m, 4096, MADV_DONTNEED);
	printf("madvise %d %d", r, m[0]);
	void *code = (void *)((uintptr_t)main & ~(uintptr_t)4095);
	r = madvise(code, 4096, MADV_DONTNEED);
	printf(" %d %d\n", r, errno == EACCES);
	/* results written to box pages that fault: the box's read-only first
	   page, and a page unmapped just before: -EFAULT, the host intact */
	char *table = (char *)(((uintptr_t)&r & ~(uintptr_t)0xffffffff) + 16);
	struct stat *gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(gone, 4096);
	int e1, e2, e3;
	r = syscall(SYS_fstat, 1, table);	/* musl's fstat copies itself */
	e1 = errno;
	int r2 = syscall(SYS_fstat, 1, gone);
	e2 = errno;
	int r3 = clock_gettime(CLOCK_MONOTONIC, (struct timespec *)table);
	e3 = errno;
	printf("efault %d %d %d %d %d %d\n", r, e1 == EFAULT, r2, e2 == EFAULT, r3, e3 == EFAULT);
	/* another process's CPU clock (pid 1): not the box's to read */
	struct timespec other;
	r = clock_gettime((clockid_t)((~1) << 3 | 2), &other);
	printf("foreign-clock %d %d\n", r, errno == EINVAL);
	return 0;
}
C
"$CC" -O2 -static-pie -o hello-static hello.c 2>cc.err || failt build "$(head -1 cc.err)"
"$CC" -O2 -static-pie -o misc misc.c 2>cc.err || failt build "$(head -1 cc.err)"
"$CC" -O2 -o hello-dynamic hello.c 2>cc.err || failt build "$(head -1 cc.err)"
"$CC" -O2 -static-pie -o fault fault.c 2>cc.err || failt build "$(head -1 cc.err)"
"$CC" -O2 -static-pie -o tls tls.c 2>cc.err || failt build "$(head -1 cc.err)"
"$CC" -O2 -static-pie -o jump jump.c 2>cc.err || failt build "$(head -1 cc.err)"
"$CC" -O2 -static-pie -o opath opath.c 2>cc.err || failt build "$(head -1 cc.err)"

expect static-pie 0 '^hello 2 world 13$' '' -- "$RUN" hello-static world
expect exit-status 7 '^hello 3 x 9$' '' -- "$RUN" hello-static x 7
expect dynamic 0 '^hello 2 dyn 11$' '' -- "$RUN" hello-dynamic dyn
expect tls-and-errno 0 '^tls 42 errno 9$' '' -- "$RUN" tls
"$RUN" misc $$ > misc.out 2>misc.err
cat > misc.want <<'OUT'
uname 0 Linux lfi
sysinfo 0 1
getrlimit 0 1
setrlimit -1 1
prlimit-other -1 1
nanosleep 0 1
clock_getres 0 1
gettimeofday 0 1
getppid 1
realloc 1
madvise 0 0 -1 1
efault -1 1 -1 1 -1 1
foreign-clock -1 1
OUT
if diff misc.want misc.out > misc.diff 2>&1; then pass misc-system-calls
else failt misc-system-calls "$(grep '^[<>]' misc.diff | head -4 | tr '\n' ' ') $(head -c 200 misc.err)"; fi
expect fault 139 '^before$' 'fault: Segmentation fault at sandbox address 0x1 \(pc 0x[0-9a-f]+: `mov.*%gs:.*`\)$' -- "$RUN" fault
expect fault-pc-unmapped 139 '' 'jump: Segmentation fault at sandbox address 0x10000000 \(pc 0x10000000: `\?`\)$' -- "$RUN" jump
mkdir -p op
expect opath-creates-nothing 0 '^1 1$' '' -- "$RUN" --dir "/w=$TMP/op" --wd /w "$TMP/opath"
# the standard streams pass through unless told otherwise
cat > streams.c <<'C'
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
int main(void)
{
	char c;
	long r = read(0, &c, 1);
	int e = errno;
	char line[64];
	int n = snprintf(line, sizeof line, "read %ld %d\n", r, r < 0 && e == EBADF);
	r = write(1, line, n);
	e = errno;
	dprintf(2, "write %ld %d\n", r, r < 0 && e == EBADF);
	return 0;
}
C
"$CC" -O2 -static-pie -o streams streams.c 2>cc.err || failt build "$(head -1 cc.err)"
echo x | expect streams-passed 0 '^read 1 0$' '^write 9 0$' -- "$RUN" streams
echo x | expect no-stdin 0 '^read -1 1$' '^write 10 0$' -- "$RUN" --no-stdin streams
echo x | expect no-stdio 0 '' '' -- "$RUN" --no-stdio streams
expect missing-program 2 '' 'lfi-run: nothere: No such file' -- "$RUN" nothere
echo 'not elf' > text
expect not-elf 2 '' 'lfi-run: text: not an ELF file' -- "$RUN" text
gcc -O2 -o host-program hello.c
expect not-lfi 2 '' 'host-program: .*not position-independent|host-program: no LFI-x64 note' -- "$RUN" host-program
gcc -O2 -static-pie -o host-pie hello.c 2>/dev/null || gcc -O2 -pie -o host-pie hello.c
expect not-lfi-pie 2 '' 'host-pie: no LFI-x64 note: not LFI code' -- "$RUN" host-pie
# an LFI program whose code was changed after the link: refused, exit 2
cp hello-static patched
off=$(readelf -SW patched | awk '{ for (i = 1; i < NF; i++) if ($i == ".text") print $(i + 3) }')
printf '\x0f\x05' | dd of=patched bs=1 seek=$((0x$off + 64)) conv=notrunc status=none
expect does-not-verify 2 '' "patched: 0x[0-9a-f]+: .syscall.: V2 forbidden" -- "$RUN" patched
expect usage 2 '' 'usage: lfi-run' -- "$RUN"
# --- real programs from tests/realcode (built before this suite) ------------
RB=$B/realcode/bin
cat > t.lua <<'LUA'
local t = {}
for i = 1, 100000 do t[i] = i * 2 end
local s = 0
for _, v in ipairs(t) do s = s + v end
local ok, err = pcall(function() error("boom") end)
local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
local words = {}
for w in ("the quick brown fox"):gmatch("%a+") do words[#words + 1] = w:upper() end
collectgarbage()
print(s, ok, err, co(), co(), table.concat(words, " "))
LUA
if [ -x "$RB/lua" ]; then
	expect lua 0 '^10000100000	false	\(command line\):5: boom	1	2	THE QUICK BROWN FOX$' '' \
		-- "$RUN" "$RB/lua" -e "$(cat t.lua)"
else failt lua "$RB/lua missing (tests/realcode/run.sh builds it)"; fi
if [ -x "$RB/minigzip" ]; then
	seq 1 20000 > numbers
	"$RUN" "$RB/minigzip" < numbers > numbers.gz 2>err &&
		gzip -dc numbers.gz > back 2>>err && cmp -s numbers back &&
		gzip -c numbers | "$RUN" "$RB/minigzip" -d > back2 2>>err && cmp -s numbers back2 &&
		pass minigzip-round-trips || failt minigzip-round-trips "$(head -c 300 err)"
else failt minigzip-round-trips "$RB/minigzip missing (tests/realcode/run.sh builds it)"; fi
# exit_group from several threads at once: one status wins, nobody waits
# for anybody forever (it used to hang: each stopped the other)
cat > exits.c <<'C'
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
static volatile int go;
static void *worker(void *a)
{
	while (!go)
		;
	syscall(SYS_exit_group, (long)a);
	return 0;
}
int main(void)
{
	pthread_t t;
	for (long i = 1; i < 4; i++)
		pthread_create(&t, 0, worker, (void *)i);
	usleep(20000);
	go = 1;
	syscall(SYS_exit_group, 9);
}
C
if "$CC" -O2 -static-pie -o exits exits.c -lpthread 2>cc.err; then
	bad=""
	for i in 1 2 3 4 5 6 7 8; do
		timeout 20 "$RUN" exits; st=$?
		case $st in 1|2|3|9) ;; *) bad="run $i: exit $st"; break ;; esac
	done
	if [ -z "$bad" ]; then pass concurrent-exit-group; else failt concurrent-exit-group "$bad"; fi
else failt concurrent-exit-group "$(head -1 cc.err)"; fi

# SQLite: the shell on a database file in a mapped directory, and
# speedtest1 (every test set step, with its own checks) on a small size
mkdir -p sq
if [ -x "$RB/sqlite3" ]; then
	printf 'create table t(a integer, b text);\ninsert into t values (1, %s), (2, %s);\nselect a, upper(b) from t order by a;\nselect count(*) from t;\n' "'one'" "'two'" > sq/in.sql
	"$RUN" --dir "/w=$TMP/sq" --wd /w "$RB/sqlite3" db.sqlite < sq/in.sql > sq/out 2> sq/err
	printf '1|ONE\n2|TWO\n2\n' > sq/want
	if cmp -s sq/want sq/out && [ -s sq/db.sqlite ]; then pass sqlite3-shell
	else failt sqlite3-shell "$(head -c 200 sq/out) $(head -c 200 sq/err)"; fi
else failt sqlite3-shell "$RB/sqlite3 missing (tests/realcode/run.sh builds it)"; fi
if [ -x "$RB/speedtest1" ]; then
	"$RUN" --dir "/w=$TMP/sq" --wd /w "$RB/speedtest1" --size 3 st.db > sq/st.out 2>&1
	st=$?
	if [ $st -eq 0 ] && grep -q 'TOTAL' sq/st.out && ! grep -qi 'error' sq/st.out; then
		pass speedtest1
	else failt speedtest1 "exit $st: $(grep -i -m1 'error' sq/st.out)"; fi
else failt speedtest1 "$RB/speedtest1 missing (tests/realcode/run.sh builds it)"; fi
exit 0
