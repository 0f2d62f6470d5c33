/*
 * core.c - tests of the runtime core's boxes and their memory
 * (runtime/core/box.h). One line per test: PASS: runtime/core/NAME or
 * FAIL: runtime/core/NAME: reason. Exits 0; the caller counts the lines.
 *
 * What a box looks like from outside is read from /proc/self/maps, so a
 * test fails when the kernel's view differs from what the core promises,
 * not only when the core's own bookkeeping does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "box.h"

/* The layout from lfi-x64.md, not from box.h: a wrong constant there
   must fail here. */
#define PG 4096ULL
#define GIB (1ULL << 30)
#define BOX (4 * GIB)
#define GUARD (40 * GIB)
#define LOW (64ULL << 10)
#define RW (PROT_READ | PROT_WRITE)

static uint64_t table[LFI_RUNTIME_CALLS];
static char reason[1024];

static const char *fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return reason;
}

/* ---- /proc/self/maps ----------------------------------------------- */

struct map {
	uint64_t start, end;
	char perms[5];
	unsigned long inode;
	int named;
};

static char maps_text[8 << 20];
static struct map maps[65536];

/* The whole file with read(2): no stdio buffers that would show up in
   the heap being compared. */
static size_t read_maps_text(char *buf, size_t size)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	size_t n = 0;
	ssize_t r;

	if (fd < 0)
		return 0;
	while (n + 1 < size && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return n;
}

static int parse_maps(void)
{
	char *line = maps_text, *next;
	int n = 0;

	read_maps_text(maps_text, sizeof maps_text);
	for (; *line && n < (int)(sizeof maps / sizeof maps[0]); line = next) {
		struct map *m = &maps[n];
		int name = 0;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (next[-1] == '\n')
			next[-1] = '\0';
		if (sscanf(line, "%lx-%lx %4s %*x %*s %lu %n", &m->start,
			   &m->end, m->perms, &m->inode, &name) < 4)
			continue;
		m->named = line[name] != '\0';
		n++;
	}
	return n;
}

/* The permissions over [lo, hi): "rw-p" when every byte has the same,
   "gap" when a byte is unmapped, "mix" otherwise. */
static const char *perms(uint64_t lo, uint64_t hi)
{
	static char out[8];
	uint64_t at = lo;
	int i, n = parse_maps();

	out[0] = '\0';
	for (i = 0; i < n && at < hi; i++) {
		if (maps[i].end <= at)
			continue;
		if (maps[i].start > at)
			return "gap";
		if (!out[0])
			strcpy(out, maps[i].perms);
		else if (strcmp(out, maps[i].perms))
			return "mix";
		at = maps[i].end;
	}
	return at >= hi ? out : "gap";
}

/* [lo, hi) wholly reserved: inaccessible anonymous memory, no gap. */
static int reserved(uint64_t lo, uint64_t hi)
{
	int i, n;

	if (strcmp(perms(lo, hi), "---p"))
		return 0;
	n = parse_maps();
	for (i = 0; i < n; i++)
		if (maps[i].end > lo && maps[i].start < hi &&
		    (maps[i].inode || maps[i].named))
			return 0;
	return 1;
}

/* ---- faults ---------------------------------------------------------- */

static sigjmp_buf probe_jump;

static void on_fault(int sig)
{
	siglongjmp(probe_jump, 1);
}

/* Does reading (or reading and writing back) the byte at addr fault? */
static int faults(uint64_t addr, int write)
{
	struct sigaction sa = { .sa_handler = on_fault }, old_segv, old_bus;
	volatile char *p = (volatile char *)addr;
	int faulted = 1;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	if (sigsetjmp(probe_jump, 1) == 0) {
		char c = *p;

		if (write)
			*p = c;
		faulted = 0;
	}
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	return faulted;
}

/* ---- mremap, watched -------------------------------------------------- */

/* The core's calls of mremap land here (this definition comes before
   libc's when the test is linked). After each one, the old range must
   still be mapped in the host: a move that leaves a hole, even until the
   next system call, would let another thread's mmap(NULL) put host
   memory into the box. */
static int mremap_calls, mremap_holes;

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *to = NULL;
	long r;
	int saved;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		to = va_arg(ap, void *);
		va_end(ap);
	}
	r = syscall(SYS_mremap, old, old_len, new_len, flags, to);
	saved = errno;
	mremap_calls++;
	if (msync(old, old_len, MS_ASYNC) != 0 && errno == ENOMEM)
		mremap_holes++;
	errno = saved;
	return r == -1 ? MAP_FAILED : (void *)r;
}

/* Likewise for mmap, to make the host refuse: data mappings (prot not
   PROT_NONE) with MAP_FIXED, or every MAP_FIXED mapping. A refusal
   first unmaps the range, as older kernels may do when a MAP_FIXED
   mapping fails late (the old pages already gone). */
static int refuse_fixed_data, refuse_fixed_all;

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if ((flags & MAP_FIXED) &&
	    (refuse_fixed_all || (refuse_fixed_data && prot != PROT_NONE))) {
		syscall(SYS_munmap, addr, len);
		errno = ENOMEM;
		return MAP_FAILED;
	}
	return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

/* ---- helpers --------------------------------------------------------- */

static struct lfi_box *new_box(void)
{
	int err;
	struct lfi_box *b = lfi_box_new(table, &err);

	if (!b)
		fail("lfi_box_new: %s", strerror(-err));
	return b;
}

static int all_bytes(uint64_t addr, uint64_t len, int value)
{
	const unsigned char *p = (const unsigned char *)addr;
	uint64_t i;

	for (i = 0; i < len; i++)
		if (p[i] != value)
			return 0;
	return 1;
}

#define CHECK(cond, ...)                                              \
	do {                                                          \
		if (!(cond)) {                                        \
			r = fail(__VA_ARGS__);                        \
			goto out;                                     \
		}                                                     \
	} while (0)

#define EXPECT(call, want)                                            \
	do {                                                          \
		int got_ = (call);                                    \
		CHECK(got_ == (want), "line %d: %s = %d (%s), want %s", \
		      __LINE__, #call, got_, strerror(-got_), #want); \
	} while (0)

/* ---- the box itself -------------------------------------------------- */

static const char *t_base(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	CHECK(base != 0, "base is 0");
	CHECK(base % BOX == 0, "base %#lx is not 4 GiB-aligned", base);
	CHECK(lfi_box_contains(b, base, BOX), "box does not contain itself");
	CHECK(lfi_box_contains(b, base + BOX - 1, 1), "last byte outside");
	CHECK(!lfi_box_contains(b, base - 1, 1), "contains base - 1");
	CHECK(!lfi_box_contains(b, base + BOX, 1), "contains base + 4 GiB");
	CHECK(!lfi_box_contains(b, base + 1, BOX), "contains a range past the end");
	CHECK(!lfi_box_contains(b, base + 8, UINT64_MAX), "length wraps");
out:
	lfi_box_free(b);
	return r;
}

static const char *t_new_refused(void)
{
	int err = 0, status;
	pid_t pid;

	if (lfi_box_new(NULL, &err) || err != -EINVAL)
		return fail("no table: err %d, want -EINVAL", err);
	/* Under READ_IMPLIES_EXEC, PROT_READ would mean executable. */
	pid = fork();
	if (pid == 0) {
		struct lfi_box *b = lfi_box_new(table, &err);
		uint64_t a = 0;

		if (!b || personality(READ_IMPLIES_EXEC) == -1)
			_exit(10);
		if (lfi_box_map(b, &a, PG, PROT_READ, 0) != -EACCES)
			_exit(11);
		if (lfi_box_new(table, &err) || err != -EPERM)
			_exit(12);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return fail("fork failed");
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return fail("READ_IMPLIES_EXEC: child status %#x "
			    "(10 setup, 11 map allowed, 12 new allowed)", status);
	return NULL;
}

static const char *t_guards(void)
{
	struct lfi_box *b[8] = { 0 };
	const char *r = NULL;
	int i;

	for (i = 0; i < 8; i++)
		if (!(b[i] = new_box()))
			return reason;
	for (i = 0; i < 8; i++) {
		uint64_t base = lfi_box_base(b[i]);

		CHECK(reserved(base - GUARD, base),
		      "box %d: the 40 GiB below %#lx are not all reserved "
		      "(%s)", i, base, perms(base - GUARD, base));
		CHECK(reserved(base + BOX, base + BOX + GUARD),
		      "box %d: the 40 GiB above are not all reserved (%s)",
		      i, perms(base + BOX, base + BOX + GUARD));
		CHECK(reserved(base + PG, base + BOX),
		      "box %d: a new box is not all inaccessible", i);
	}
out:
	for (i = 0; i < 8; i++)
		lfi_box_free(b[i]);
	return r;
}

static const char *t_table(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	CHECK(!memcmp((void *)base, table, sizeof table),
	      "first 256 bytes are not the table");
	CHECK(all_bytes(base + sizeof table, PG - sizeof table, 0),
	      "rest of the table page not zero");
	CHECK(!strcmp(perms(base, base + PG), "r--p"),
	      "table page is %s, want r--p", perms(base, base + PG));
	CHECK(!faults(base + 8, 0), "reading the table faults");
	CHECK(faults(base + 8, 1), "writing the table does not fault");
	CHECK(faults(base, 1), "writing at the null pointer does not fault");
	CHECK(faults(base + PG, 0), "the page after the table is readable");
	CHECK(faults(base + LOW, 0), "base + 64K readable");
out:
	lfi_box_free(b);
	return r;
}

static const char *t_low_refused(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base, a;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	a = base;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), -EINVAL);
	a = base + PG;
	EXPECT(lfi_box_map(b, &a, PG, PROT_NONE, LFI_MAP_FIXED), -EINVAL);
	a = base + LOW - PG;
	EXPECT(lfi_box_map(b, &a, 2 * PG, RW, LFI_MAP_FIXED), -EINVAL);
	EXPECT(lfi_box_unmap(b, base, PG), -EINVAL);
	EXPECT(lfi_box_unmap(b, base + LOW - PG, 2 * PG), -EINVAL);
	EXPECT(lfi_box_protect(b, base, PG, RW), -EINVAL);
	EXPECT(lfi_box_map_code(b, base + PG, "\x90", 1, NULL, 0), -EINVAL);
	CHECK(!strcmp(perms(base, base + PG), "r--p"), "table page changed");
	/* A hint below the limit is only a hint. */
	a = base + PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(a >= base + LOW, "hint %#lx below base + 64K honoured",
	      a - base);
	a = base + LOW;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	CHECK(!strcmp(perms(a, a + PG), "rw-p"), "base + 64K not mapped");
	CHECK(reserved(base + PG, base + LOW), "low area mapped");
out:
	lfi_box_free(b);
	return r;
}

/* ---- many boxes ------------------------------------------------------ */

#define MANY 1000
static struct lfi_box *many[4096];
static char before_text[8 << 20];

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int make_boxes(int count, int *err)
{
	int i;

	for (i = 0; i < count; i++) {
		uint64_t a = 0;

		many[i] = lfi_box_new(table, err);
		if (!many[i])
			break;
		*err = lfi_box_map(many[i], &a, PG, RW, 0);
		if (*err) {
			lfi_box_free(many[i]);
			many[i] = NULL;
			break;
		}
		*(volatile char *)a = 1;
	}
	return i;
}

static void free_boxes(int count)
{
	int i;

	for (i = 0; i < count; i++) {
		lfi_box_free(many[i]);
		many[i] = NULL;
	}
}

/* Every box distinct, aligned, and at least a guard away from the next. */
static const char *check_spacing(int count)
{
	static uint64_t bases[4096];
	int i;

	for (i = 0; i < count; i++)
		bases[i] = lfi_box_base(many[i]);
	qsort(bases, count, sizeof bases[0], cmp_u64);
	for (i = 0; i < count; i++) {
		if (bases[i] % BOX)
			return fail("box at %#lx not aligned", bases[i]);
		if (i && bases[i] - bases[i - 1] < BOX + GUARD)
			return fail("boxes at %#lx and %#lx are closer than "
				    "4 + 40 GiB", bases[i - 1], bases[i]);
	}
	return NULL;
}

static const char *t_thousand_boxes(void)
{
	const char *r = NULL;
	int err = 0, n, before, alive;

	/* Once first, so malloc's heap has grown to what the test needs. */
	free_boxes(make_boxes(MANY, &err));
	before = parse_maps();
	read_maps_text(before_text, sizeof before_text);
	n = make_boxes(MANY, &err);
	CHECK(n == MANY, "only %d boxes: %s", n, strerror(-err));
	CHECK(!(r = check_spacing(n)), "%s", r);
	alive = parse_maps();
	CHECK(alive >= before + 2 * MANY, "%d mappings with %d boxes, %d before",
	      alive, MANY, before);
	for (int i = 0; i < n; i++) {
		uint64_t base = lfi_box_base(many[i]);

		CHECK(*(uint64_t *)(base + 8) == table[1], "box %d: table", i);
	}
	free_boxes(n);
	n = 0;
	CHECK(parse_maps() == before, "%d mappings after freeing, %d before",
	      parse_maps(), before);
	read_maps_text(maps_text, sizeof maps_text);
	CHECK(!strcmp(maps_text, before_text),
	      "/proc/self/maps differs after freeing every box");
out:
	free_boxes(n);
	return r;
}

/* As many boxes as the address space holds: they end with -ENOMEM,
   never overlap, and all give their space back. */
static const char *t_box_limit(void)
{
	const char *r = NULL;
	int err = 0, n, before = parse_maps();

	n = make_boxes(4096, &err);
	printf("# boxes in one process: %d (then %s)\n", n, strerror(-err));
	CHECK(n >= MANY && n < 4096, "%d boxes", n);
	CHECK(err == -ENOMEM, "box %d failed with %d, want -ENOMEM", n, err);
	CHECK(!(r = check_spacing(n)), "%s", r);
	free_boxes(n);
	n = 0;
	CHECK(parse_maps() == before, "%d mappings after freeing, %d before",
	      parse_maps(), before);
out:
	free_boxes(n);
	return r;
}

/* ---- data pages ------------------------------------------------------ */

static const char *t_map_anywhere(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base, a = 0, c = 0, d;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	EXPECT(lfi_box_map(b, &a, 10000, RW, 0), 0);
	CHECK(a % PG == 0 && lfi_box_contains(b, a, 3 * PG) &&
	      a >= base + LOW, "placed at %#lx", a);
	CHECK(a == base + BOX - 3 * PG, "first mapping at +%#lx, want the top "
	      "of the box (top-down)", a - base);
	CHECK(!strcmp(perms(a, a + 3 * PG), "rw-p"), "mapped %s",
	      perms(a, a + 3 * PG));
	CHECK(all_bytes(a, 3 * PG, 0), "not zeroed");
	memset((void *)a, 0x5a, 3 * PG);
	EXPECT(lfi_box_map(b, &c, PG, PROT_READ, 0), 0);
	CHECK(c == a - PG, "second mapping at +%#lx, want just below the "
	      "first", c - base);
	/* Of two free ranges, the higher one. */
	d = base + GIB;
	EXPECT(lfi_box_map(b, &d, PG, RW, LFI_MAP_FIXED), 0);
	d = 0;
	EXPECT(lfi_box_map(b, &d, PG, RW, 0), 0);
	CHECK(d == c - PG, "third mapping at +%#lx, want +%#lx", d - base,
	      c - PG - base);
	CHECK(!strcmp(perms(c, c + PG), "r--p"), "PROT_READ mapped %s",
	      perms(c, c + PG));
	CHECK(faults(c, 1), "PROT_READ page writable");
	CHECK(all_bytes(a, 3 * PG, 0x5a), "first mapping changed");
out:
	lfi_box_free(b);
	return r;
}

static const char *t_map_hint(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base, h, a;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	h = base + 3 * GIB;
	a = h;
	EXPECT(lfi_box_map(b, &a, 3 * PG, RW, 0), 0);
	CHECK(a == h, "free hint not taken: +%#lx", a - base);
	a = h + PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(a != h + PG && (a + PG <= h || a >= h + 3 * PG),
	      "taken hint reused: +%#lx", a - base);
	a = h + 1000 * PG + 5;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(a == h + 1000 * PG, "unaligned hint: +%#lx", a - base);
	a = base + BOX + 1000 * PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(lfi_box_contains(b, a, PG), "hint outside the box honoured");
	a = 0x10000;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(lfi_box_contains(b, a, PG), "low host hint honoured");
out:
	lfi_box_free(b);
	return r;
}

static const char *t_map_fixed_replaces(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t x, a;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB;
	a = x;
	EXPECT(lfi_box_map(b, &a, 4 * PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)x, 0xab, 4 * PG);
	a = x + PG;
	EXPECT(lfi_box_map(b, &a, 2 * PG, PROT_READ, LFI_MAP_FIXED), 0);
	CHECK(a == x + PG, "fixed mapping moved");
	CHECK(all_bytes(x + PG, 2 * PG, 0), "replaced pages keep old data");
	CHECK(all_bytes(x, PG, 0xab) && all_bytes(x + 3 * PG, PG, 0xab),
	      "pages around the replacement changed");
	CHECK(!strcmp(perms(x + PG, x + 3 * PG), "r--p") &&
	      !strcmp(perms(x, x + PG), "rw-p") &&
	      !strcmp(perms(x + 3 * PG, x + 4 * PG), "rw-p"),
	      "protections after MAP_FIXED: %s", perms(x, x + 4 * PG));
	CHECK(faults(x + PG, 1), "replacement writable");
	/* Unaligned fixed address. */
	a = x + 5;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), -EINVAL);
out:
	lfi_box_free(b);
	return r;
}

static const char *t_unmap_split(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t x, a;
	int i;

	if (!b)
		return reason;
	x = lfi_box_base(b) + 2 * GIB;
	a = x;
	EXPECT(lfi_box_map(b, &a, 5 * PG, RW, LFI_MAP_FIXED), 0);
	for (i = 0; i < 5; i++)
		memset((void *)(x + i * PG), i + 1, PG);
	EXPECT(lfi_box_unmap(b, x + 2 * PG, PG), 0);
	CHECK(reserved(x + 2 * PG, x + 3 * PG), "unmapped page: %s",
	      perms(x + 2 * PG, x + 3 * PG));
	CHECK(faults(x + 2 * PG, 0), "unmapped page readable");
	for (i = 0; i < 5; i++)
		CHECK(i == 2 || all_bytes(x + i * PG, PG, i + 1),
		      "page %d lost its data", i);
	CHECK(!strcmp(perms(x, x + 2 * PG), "rw-p") &&
	      !strcmp(perms(x + 3 * PG, x + 5 * PG), "rw-p"),
	      "pieces around the hole: %s", perms(x, x + 5 * PG));
	/* The hole is free again, exactly one page. */
	a = x + 2 * PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(a == x + 2 * PG, "hole not reusable: got +%#lx",
	      a - lfi_box_base(b));
	CHECK(all_bytes(a, PG, 0), "reused hole not zeroed");
	a = x + 2 * PG;
	EXPECT(lfi_box_map(b, &a, 2 * PG, RW, 0), 0);
	CHECK(a != x + 2 * PG, "two pages placed over a one-page hole");
	/* Unmap across pieces, then over what is already unmapped. */
	EXPECT(lfi_box_unmap(b, x + PG, 3 * PG), 0);
	CHECK(all_bytes(x, PG, 1) && all_bytes(x + 4 * PG, PG, 5),
	      "ends lost their data");
	CHECK(reserved(x + PG, x + 4 * PG), "middle still mapped");
	EXPECT(lfi_box_unmap(b, x, 5 * PG), 0);
	CHECK(reserved(x, x + 5 * PG), "range still mapped");
	EXPECT(lfi_box_unmap(b, x, 5 * PG), 0);
	EXPECT(lfi_box_unmap(b, x + 1, PG), -EINVAL);
	EXPECT(lfi_box_unmap(b, x, 0), -EINVAL);
out:
	lfi_box_free(b);
	return r;
}

static const char *t_protect(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t x, a;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB + 64 * PG;
	a = x;
	EXPECT(lfi_box_map(b, &a, 4 * PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)x, 7, 4 * PG);
	EXPECT(lfi_box_protect(b, x + PG, 2 * PG, PROT_READ), 0);
	CHECK(!strcmp(perms(x + PG, x + 3 * PG), "r--p") &&
	      !strcmp(perms(x, x + PG), "rw-p") &&
	      !strcmp(perms(x + 3 * PG, x + 4 * PG), "rw-p"),
	      "after a partial protect: %s", perms(x, x + 4 * PG));
	CHECK(faults(x + PG, 1) && !faults(x + PG, 0), "read-only page");
	CHECK(!faults(x, 1) && !faults(x + 3 * PG, 1), "neighbours");
	CHECK(all_bytes(x, 4 * PG, 7), "protect changed data");
	EXPECT(lfi_box_protect(b, x, 4 * PG, RW), 0);
	CHECK(!strcmp(perms(x, x + 4 * PG), "rw-p"), "back to rw: %s",
	      perms(x, x + 4 * PG));
	EXPECT(lfi_box_protect(b, x, 4 * PG, PROT_NONE), 0);
	CHECK(faults(x, 0), "PROT_NONE page readable");
	EXPECT(lfi_box_protect(b, x, 4 * PG, PROT_READ | PROT_EXEC), -EACCES);
	EXPECT(lfi_box_protect(b, x, 4 * PG, PROT_EXEC), -EACCES);
	EXPECT(lfi_box_protect(b, x, 4 * PG, RW | PROT_EXEC), -EACCES);
	CHECK(!strcmp(perms(x, x + 4 * PG), "---p"), "refused protect "
	      "changed something: %s", perms(x, x + 4 * PG));
	EXPECT(lfi_box_protect(b, x, PG, 0x10), -EINVAL);
	EXPECT(lfi_box_protect(b, x + 3 * PG, 2 * PG, RW), -ENOMEM);
	CHECK(faults(x + 3 * PG, 0), "protect over a hole changed a page");
	EXPECT(lfi_box_protect(b, x + 1, PG, RW), -EINVAL);
	EXPECT(lfi_box_protect(b, x, 0, RW), 0);
out:
	lfi_box_free(b);
	return r;
}

static const char *t_remap(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base, x, a, n = 0;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	x = base + GIB;
	a = x;
	EXPECT(lfi_box_map(b, &a, 2 * PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)x, 0x11, 2 * PG);
	/* Grow in place. */
	EXPECT(lfi_box_remap(b, x, 2 * PG, 4 * PG, 0, &n), 0);
	CHECK(n == x, "grew elsewhere");
	CHECK(all_bytes(x, 2 * PG, 0x11) && all_bytes(x + 2 * PG, 2 * PG, 0),
	      "contents after growing");
	CHECK(!strcmp(perms(x, x + 4 * PG), "rw-p"), "grown: %s",
	      perms(x, x + 4 * PG));
	memset((void *)x, 0x22, 4 * PG);
	/* Blocked: fails without may_move, moves with it. */
	a = x + 5 * PG;
	EXPECT(lfi_box_map(b, &a, PG, PROT_READ, LFI_MAP_FIXED), 0);
	EXPECT(lfi_box_remap(b, x, 4 * PG, 8 * PG, 0, &n), -ENOMEM);
	CHECK(all_bytes(x, 4 * PG, 0x22), "failed remap changed data");
	EXPECT(lfi_box_remap(b, x, 4 * PG, 8 * PG, 1, &n), 0);
	CHECK(n != x && lfi_box_contains(b, n, 8 * PG) &&
	      (n + 8 * PG <= x || n >= x + 6 * PG), "moved to +%#lx",
	      n - base);
	CHECK(all_bytes(n, 4 * PG, 0x22) && all_bytes(n + 4 * PG, 4 * PG, 0),
	      "contents after moving");
	CHECK(!strcmp(perms(n, n + 8 * PG), "rw-p"), "moved: %s",
	      perms(n, n + 8 * PG));
	CHECK(reserved(x, x + 4 * PG), "old place still mapped: %s",
	      perms(x, x + 4 * PG));
	CHECK(!strcmp(perms(x + 5 * PG, x + 6 * PG), "r--p"),
	      "blocking page changed");
	/* Shrink. */
	x = n;
	EXPECT(lfi_box_remap(b, x, 8 * PG, 3 * PG, 1, &n), 0);
	CHECK(n == x, "shrinking moved");
	CHECK(all_bytes(x, 3 * PG, 0x22), "shrinking lost data");
	CHECK(reserved(x + 3 * PG, x + 8 * PG), "tail still mapped");
	/* Protection kept when moving. */
	EXPECT(lfi_box_protect(b, x, 3 * PG, PROT_READ), 0);
	a = x + 3 * PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	EXPECT(lfi_box_remap(b, x, 3 * PG, 6 * PG, 1, &n), 0);
	CHECK(n != x && !strcmp(perms(n, n + 6 * PG), "r--p") &&
	      all_bytes(n, 3 * PG, 0x22), "read-only move: %s",
	      perms(n, n + 6 * PG));
	/* Errors. */
	EXPECT(lfi_box_remap(b, x, PG, 2 * PG, 1, &n), -EFAULT);
	a = x;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	EXPECT(lfi_box_remap(b, x, 2 * PG, 4 * PG, 1, &n), -EFAULT);
	EXPECT(lfi_box_remap(b, base, PG, 2 * PG, 1, &n), -EINVAL);
	EXPECT(lfi_box_remap(b, base + BOX - PG, 2 * PG, PG, 1, &n), -EINVAL);
	EXPECT(lfi_box_remap(b, x, PG, 0, 1, &n), -EINVAL);
	EXPECT(lfi_box_remap(b, x + 1, PG, PG, 1, &n), -EINVAL);
	EXPECT(lfi_box_remap(b, x, 0, PG, 1, &n), -EINVAL);
	EXPECT(lfi_box_remap(b, x, PG, BOX + PG, 1, &n), -ENOMEM);
	/* Growing at the top of the box must move. */
	a = base + BOX - PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	EXPECT(lfi_box_remap(b, a, PG, 2 * PG, 0, &n), -ENOMEM);
	EXPECT(lfi_box_remap(b, a, PG, 2 * PG, 1, &n), 0);
	CHECK(lfi_box_contains(b, n, 2 * PG), "moved out of the box");
out:
	lfi_box_free(b);
	return r;
}

static const char *t_remap_no_hole(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t x, a, n;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB;
	mremap_calls = mremap_holes = 0;
	a = x;
	EXPECT(lfi_box_map(b, &a, 4 * PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)x, 0x66, 4 * PG);
	a = x + 4 * PG;
	EXPECT(lfi_box_map(b, &a, PG, PROT_NONE, LFI_MAP_FIXED), 0);
	EXPECT(lfi_box_remap(b, x, 4 * PG, 16 * PG, 1, &n), 0);
	CHECK(n != x && all_bytes(n, 4 * PG, 0x66), "not moved");
	CHECK(mremap_calls > 0, "the core never called mremap");
	CHECK(mremap_holes == 0, "%d mremap calls left a hole at the old "
	      "place", mremap_holes);
out:
	lfi_box_free(b);
	return r;
}

/* A refused MAP_FIXED leaves the range reserved and forgotten; when even
   the reservation cannot be put back, the process stops rather than keep
   a hole in a box. */
static const char *t_host_refuses(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t x, a;
	int status;
	pid_t pid;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB;
	a = x;
	EXPECT(lfi_box_map(b, &a, 2 * PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)x, 0x77, 2 * PG);
	refuse_fixed_data = 1;
	a = x;
	EXPECT(lfi_box_map(b, &a, PG, PROT_READ, LFI_MAP_FIXED), -ENOMEM);
	a = 0;
	EXPECT(lfi_box_map(b, &a, PG, PROT_READ, 0), -ENOMEM);
	EXPECT(lfi_box_map_code(b, x + 8 * PG, "\x90", 1, NULL, 0), -ENOMEM);
	refuse_fixed_data = 0;
	CHECK(reserved(x, x + PG), "refused range is %s", perms(x, x + PG));
	CHECK(all_bytes(x + PG, PG, 0x77), "the page after it changed");
	CHECK(reserved(x + 8 * PG, x + 9 * PG), "refused code range");
	a = x;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(a == x, "refused range still counted as mapped");
	pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		refuse_fixed_all = 1;
		a = x;
		lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED);
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid, "fork");
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	      "a box with a hole went on (status %#x)", status);
out:
	refuse_fixed_data = refuse_fixed_all = 0;
	lfi_box_free(b);
	return r;
}

static const char *t_exhaustion(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base, a = 0, c = 0, half;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	EXPECT(lfi_box_map(b, &a, 2 * GIB, PROT_NONE, 0), 0);
	EXPECT(lfi_box_map(b, &c, 2 * GIB, PROT_NONE, 0), -ENOMEM);
	c = 0;
	EXPECT(lfi_box_map(b, &c, 2 * GIB - LOW, PROT_NONE, 0), 0);
	CHECK(c == base + LOW, "rest placed at +%#lx", c - base);
	c = 0;
	EXPECT(lfi_box_map(b, &c, PG, RW, 0), -ENOMEM);
	half = base + GIB;
	EXPECT(lfi_box_unmap(b, half, PG), 0);
	c = 0;
	EXPECT(lfi_box_map(b, &c, PG, RW, 0), 0);
	CHECK(c == half, "only free page not used: +%#lx", c - base);
	c = 0;
	EXPECT(lfi_box_map(b, &c, PG, RW, 0), -ENOMEM);
	/* Ranges that do not fit in a box. */
	c = 0;
	EXPECT(lfi_box_map(b, &c, 0, RW, 0), -EINVAL);
	EXPECT(lfi_box_map(b, &c, BOX + PG, RW, 0), -ENOMEM);
	EXPECT(lfi_box_map(b, &c, UINT64_MAX, RW, 0), -ENOMEM);
	c = base + LOW;
	EXPECT(lfi_box_map(b, &c, BOX, RW, LFI_MAP_FIXED), -EINVAL);
	c = base + BOX - PG;
	EXPECT(lfi_box_map(b, &c, 2 * PG, RW, LFI_MAP_FIXED), -EINVAL);
	c = base + BOX;
	EXPECT(lfi_box_map(b, &c, PG, RW, LFI_MAP_FIXED), -EINVAL);
	c = base - 2 * PG;
	EXPECT(lfi_box_map(b, &c, PG, RW, LFI_MAP_FIXED), -EINVAL);
	c = base + GIB;
	EXPECT(lfi_box_map(b, &c, PG, RW, 2), -EINVAL);
	EXPECT(lfi_box_map(b, &c, PG, 0x10, LFI_MAP_FIXED), -EINVAL);
	EXPECT(lfi_box_unmap(b, base + BOX, PG), -EINVAL);
	EXPECT(lfi_box_unmap(b, base - PG, PG), -EINVAL);
	EXPECT(lfi_box_unmap(b, base + BOX - PG, 2 * PG), -EINVAL);
	EXPECT(lfi_box_protect(b, base + BOX, PG, RW), -EINVAL);
	EXPECT(lfi_box_protect(b, base - PG, PG, RW), -EINVAL);
	CHECK(reserved(base + BOX, base + BOX + GUARD) &&
	      reserved(base - GUARD, base), "guards changed");
out:
	lfi_box_free(b);
	return r;
}

/* No page in any box is writable and executable; only code executes. */
static const char *t_wx(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base, a;
	int i, n;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	a = 0;
	EXPECT(lfi_box_map(b, &a, PG, PROT_EXEC, 0), -EACCES);
	EXPECT(lfi_box_map(b, &a, PG, PROT_READ | PROT_EXEC, 0), -EACCES);
	EXPECT(lfi_box_map(b, &a, PG, RW | PROT_EXEC, 0), -EACCES);
	a = base + GIB;
	EXPECT(lfi_box_map(b, &a, PG, RW | PROT_EXEC, LFI_MAP_FIXED), -EACCES);
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ | PROT_EXEC,
				LFI_MAP_FIXED, 0, 0, 0), -EACCES);
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	EXPECT(lfi_box_protect(b, a, PG, PROT_READ | PROT_EXEC), -EACCES);
	n = parse_maps();
	for (i = 0; i < n; i++)
		CHECK(maps[i].end <= base - GUARD ||
		      maps[i].start >= base + BOX + GUARD ||
		      maps[i].perms[2] != 'x', "executable mapping %lx-%lx %s",
		      maps[i].start, maps[i].end, maps[i].perms);
out:
	lfi_box_free(b);
	return r;
}

static const char *t_map_file(void)
{
	char path[] = "/tmp/lfi-core-XXXXXX";
	const char *r = NULL;
	struct lfi_box *b = new_box();
	static unsigned char data[2 * 4096], back[4096];
	uint64_t a, n;
	int fd = -1, ro = -1;
	size_t i;

	if (!b)
		return reason;
	for (i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)(i * 7 + i / 4096);
	fd = mkstemp(path);
	CHECK(fd >= 0, "mkstemp: %s", strerror(errno));
	unlink(path);
	CHECK(write(fd, data, sizeof data) == sizeof data, "write failed");
	a = 0;
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ, 0, fd, PG, 0), 0);
	CHECK(!memcmp((void *)a, data + PG, PG), "file contents");
	CHECK(!strcmp(perms(a, a + PG), "r--p"), "private file map: %s",
	      perms(a, a + PG));
	EXPECT(lfi_box_protect(b, a, PG, RW), 0);
	memset((void *)a, 0, 16);
	CHECK(pread(fd, back, PG, PG) == PG && !memcmp(back, data + PG, PG),
	      "private write reached the file");
	EXPECT(lfi_box_protect(b, a, PG, PROT_READ | PROT_EXEC), -EACCES);
	/* File regions shrink but do not grow. */
	EXPECT(lfi_box_remap(b, a, PG, 2 * PG, 1, &n), -ENOMEM);
	a = 0;
	EXPECT(lfi_box_map_file(b, &a, PG, RW, 0, fd, 0, 1), 0);
	CHECK(!strcmp(perms(a, a + PG), "rw-s"), "shared file map: %s",
	      perms(a, a + PG));
	memset((void *)a, 0xee, 16);
	CHECK(pread(fd, back, 16, 0) == 16 && all_bytes((uint64_t)back, 16, 0xee),
	      "shared write did not reach the file");
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ, 0, -1, 0, 0), -EBADF);
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ, 0, 1000, 0, 0), -EBADF);
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ, 0, fd, 5, 0), -EINVAL);
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ | PROT_EXEC, 0, fd, 0, 0),
	       -EACCES);
	/* A shared writable map of a read-only descriptor: the host says no,
	   and a failed MAP_FIXED leaves the range reserved, not a hole. */
	{
		char proc[64];

		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		ro = open(proc, O_RDONLY);
	}
	CHECK(ro >= 0, "reopen: %s", strerror(errno));
	a = lfi_box_base(b) + 2 * GIB;
	EXPECT(lfi_box_map_file(b, &a, PG, RW, LFI_MAP_FIXED, ro, 0, 1), -EACCES);
	CHECK(reserved(a, a + PG), "failed map left %s", perms(a, a + PG));
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ, LFI_MAP_FIXED, ro, 0, 1), 0);
	EXPECT(lfi_box_protect(b, a, PG, RW), -EACCES);
	CHECK(!strcmp(perms(a, a + PG), "r--s"), "refused protect: %s",
	      perms(a, a + PG));
out:
	if (fd >= 0)
		close(fd);
	if (ro >= 0)
		close(ro);
	lfi_box_free(b);
	return r;
}

/* ---- code ------------------------------------------------------------ */

/* movl $42, %eax ; M3 with N = 24 (return to the host) ; then in the
   second bundle an M1 jump through %rax. */
static const unsigned char good_code[] = {
	0xb8, 0x2a, 0x00, 0x00, 0x00,			/* movl $42, %eax */
	0x4c, 0x8d, 0x1d, 0x04, 0x00, 0x00, 0x00,	/* leaq 4(%rip), %r11 */
	0x41, 0xff, 0x66, 0x18,				/* jmpq *24(%r14) */
	0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90,
	0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90,
	0x83, 0xe0, 0xe0,				/* andl $-32, %eax */
	0x4c, 0x09, 0xf0,				/* orq %r14, %rax */
	0xff, 0xe0,					/* jmpq *%rax */
};

/* run_code(entry, base): saves the host's callee-saved registers, sets
   %r14 and jumps to entry; runtime call 24 (table entry 3) comes back
   through code_returned with the result in %eax. The code uses no stack
   and no %gs, so nothing else is needed. */
long run_code(uint64_t entry, uint64_t base);
extern char code_returned[];
__asm__(
	"	.text\n"
	"	.globl run_code\n"
	"run_code:\n"
	"	pushq %rbx\n	pushq %rbp\n	pushq %r12\n"
	"	pushq %r13\n	pushq %r14\n	pushq %r15\n"
	"	movq %rsp, run_code_rsp(%rip)\n"
	"	movq %rsi, %r14\n"
	"	jmpq *%rdi\n"
	"	.globl code_returned\n"
	"code_returned:\n"
	"	movq run_code_rsp(%rip), %rsp\n"
	"	popq %r15\n	popq %r14\n	popq %r13\n"
	"	popq %r12\n	popq %rbp\n	popq %rbx\n"
	"	ret\n"
	"	.local run_code_rsp\n"
	"	.comm run_code_rsp, 8, 8\n");

static const char *t_code_accepted(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	char why[512] = "unchanged";
	uint64_t x, a;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB;
	/* Over a data mapping, like MAP_FIXED. */
	a = x;
	EXPECT(lfi_box_map(b, &a, 2 * PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)x, 0x90, 2 * PG);
	EXPECT(lfi_box_map_code(b, x, good_code, sizeof good_code, why,
				sizeof why), 0);
	CHECK(why[0] == '\0', "why set on success: %s", why);
	CHECK(!strcmp(perms(x, x + PG), "r-xp"), "code page is %s",
	      perms(x, x + PG));
	CHECK(!strcmp(perms(x + PG, x + 2 * PG), "rw-p") &&
	      all_bytes(x + PG, PG, 0x90), "data page after the code changed");
	CHECK(!memcmp((void *)x, good_code, sizeof good_code), "code differs");
	CHECK(all_bytes(x + sizeof good_code, PG - sizeof good_code, 0xcc),
	      "tail of the page is not int3");
	CHECK(faults(x, 1), "code page writable");
	CHECK(run_code(x, lfi_box_base(b)) == 42, "code did not return 42");
	/* Several pages: every one executable, tail int3. */
	a = x + 16 * PG;
	{
		static unsigned char big[PG + 64];

		memset(big, 0x90, sizeof big);
		EXPECT(lfi_box_map_code(b, a, big, sizeof big, NULL, 0), 0);
		CHECK(!strcmp(perms(a, a + 2 * PG), "r-xp"), "two code "
		      "pages: %s", perms(a, a + 2 * PG));
		CHECK(all_bytes(a + sizeof big, 2 * PG - sizeof big, 0xcc),
		      "second page's tail is not int3");
	}
	EXPECT(lfi_box_map_code(b, x + 100, good_code, sizeof good_code,
				NULL, 0), -EINVAL);
	EXPECT(lfi_box_map_code(b, x + 32 * PG, good_code, 0, NULL, 0), -EINVAL);
out:
	lfi_box_free(b);
	return r;
}

static const char *code_rejected(const void *code, size_t len,
				 const char *want1, const char *want2)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	char why[512];
	uint64_t x, a;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB;
	a = x;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	EXPECT(lfi_box_map_code(b, x, code, len, why, sizeof why), -EPERM);
	CHECK(strstr(why, want1) && strstr(why, want2), "message '%s' lacks "
	      "'%s' or '%s'", why, want1, want2);
	CHECK(reserved(x, x + PG), "rejected code left %s", perms(x, x + PG));
	a = x;
	EXPECT(lfi_box_map(b, &a, PG, RW, 0), 0);
	CHECK(a == x, "range of rejected code not free");
	/* A short buffer for the message. */
	EXPECT(lfi_box_map_code(b, x, code, len, why, 8), -EPERM);
	CHECK(strlen(why) == 7, "message not cut to the buffer");
out:
	lfi_box_free(b);
	return r;
}

static const char *t_code_rejected(void)
{
	static const unsigned char sys[] = { 0x90, 0x0f, 0x05 };
	static const unsigned char load[] = { 0x8b, 0x07 };
	static unsigned char late[PG + 2];
	const char *r;

	r = code_rejected(sys, sizeof sys, "0x40000001: `syscall`", "V2");
	if (!r)
		r = code_rejected(load, sizeof load, "V3 memory-operand", "(%rdi)");
	if (!r) {
		/* The bad instruction on the second page is found too. */
		memset(late, 0x90, sizeof late);
		memcpy(late + PG, sys + 1, 2);
		r = code_rejected(late, sizeof late, "0x40001000", "syscall");
	}
	return r;
}

/* Pinned pages (the runtime's call stacks): usable, never unmapped,
   reprotected, remapped, discarded or mapped over by the sandbox. */
static const char *t_pinned(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t p = 0, a, n;

	if (!b)
		return reason;
	EXPECT(lfi_box_map_pinned(b, &p, 2 * PG), 0);
	CHECK(lfi_box_contains(b, p, 2 * PG) && !strcmp(perms(p, p + 2 * PG), "rw-p"),
	      "pinned pages at 0x%llx are %s", (unsigned long long)p,
	      perms(p, p + 2 * PG));
	memset((void *)p, 0x5a, 2 * PG);
	EXPECT(lfi_box_unmap(b, p, PG), -EACCES);
	EXPECT(lfi_box_unmap(b, p - PG, 2 * PG), -EACCES);
	EXPECT(lfi_box_protect(b, p + PG, PG, PROT_READ), -EACCES);
	EXPECT(lfi_box_remap(b, p, PG, 3 * PG, 1, &n), -EACCES);
	EXPECT(lfi_box_discard(b, p, PG), -EACCES);
	a = p + PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), -EACCES);
	lfi_box_brk_init(b, p - PG);
	CHECK(lfi_box_brk(b, p + PG) == p - PG, "brk grew over pinned pages");
	CHECK(all_bytes(p, 2 * PG, 0x5a), "pinned pages changed");
	EXPECT(lfi_box_map(b, &a, PG, RW, 2), -EINVAL);	/* not a caller's flag */
out:
	lfi_box_free(b);
	return r;
}

/* The verifier's one bypass: a syscall, which lfi_box_map_code refuses,
   is mapped as it is (so nothing verified it), with everything else of
   lfi_box_map_code: r-x, int3 tail, immutable, code over code refused.
   The counters tell the two kinds of code apart. */
static const char *t_code_preverified(void)
{
	static const unsigned char sys[] = { 0x90, 0x0f, 0x05 };
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t x, a, ver, pre;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB;
	lfi_box_code_bytes(b, &ver, &pre);
	CHECK(ver == 0 && pre == 0, "a new box counts %llu/%llu bytes",
	      (unsigned long long)ver, (unsigned long long)pre);
	EXPECT(lfi_box_map_code(b, x, sys, sizeof sys, NULL, 0), -EPERM);
	EXPECT(lfi_box_map_code_preverified(b, x, sys, sizeof sys), 0);
	CHECK(!strcmp(perms(x, x + PG), "r-xp"), "code page is %s", perms(x, x + PG));
	CHECK(!memcmp((void *)x, sys, sizeof sys) &&
	      all_bytes(x + sizeof sys, PG - sizeof sys, 0xcc), "content or int3 tail");
	CHECK(faults(x, 1), "code page writable");
	CHECK(lfi_box_is_code(b, x), "not code for lfi_box_is_code");
	EXPECT(lfi_box_unmap(b, x, PG), -EACCES);
	EXPECT(lfi_box_protect(b, x, PG, PROT_READ), -EACCES);
	a = x;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), -EACCES);
	EXPECT(lfi_box_map_code_preverified(b, x, sys, sizeof sys), -EACCES);
	EXPECT(lfi_box_map_code_preverified(b, x + PG + 1, sys, sizeof sys), -EINVAL);
	EXPECT(lfi_box_map_code_preverified(b, x + PG, NULL, 1), -EINVAL);
	EXPECT(lfi_box_map_code(b, x + 4 * PG, good_code, sizeof good_code, NULL, 0), 0);
	lfi_box_code_bytes(b, &ver, &pre);
	CHECK(ver == PG && pre == PG, "counted %llu verified, %llu preverified "
	      "(want a page each)", (unsigned long long)ver, (unsigned long long)pre);
out:
	lfi_box_free(b);
	return r;
}

static const char *t_code_immutable(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	static unsigned char code[PG + 32];
	uint64_t x, a, n;
	int fd = -1;

	if (!b)
		return reason;
	x = lfi_box_base(b) + GIB;
	memset(code, 0x90, sizeof code);
	a = x - PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)a, 0x33, PG);
	EXPECT(lfi_box_map_code(b, x, code, sizeof code, NULL, 0), 0);
	EXPECT(lfi_box_unmap(b, x, PG), -EACCES);
	EXPECT(lfi_box_unmap(b, x + PG, PG), -EACCES);
	EXPECT(lfi_box_unmap(b, x - PG, 2 * PG), -EACCES);
	EXPECT(lfi_box_protect(b, x, PG, PROT_READ), -EACCES);
	EXPECT(lfi_box_protect(b, x + PG, PG, RW), -EACCES);
	EXPECT(lfi_box_protect(b, x - PG, 2 * PG, RW), -EACCES);
	EXPECT(lfi_box_remap(b, x, PG, 2 * PG, 1, &n), -EACCES);
	EXPECT(lfi_box_remap(b, x, 2 * PG, PG, 1, &n), -EACCES);
	EXPECT(lfi_box_remap(b, x - PG, 2 * PG, PG, 1, &n), -EACCES);
	a = x + PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), -EACCES);
	a = x - PG;
	EXPECT(lfi_box_map(b, &a, 2 * PG, PROT_READ, LFI_MAP_FIXED), -EACCES);
	fd = open("/proc/self/exe", O_RDONLY);
	CHECK(fd >= 0, "open /proc/self/exe");
	a = x;
	EXPECT(lfi_box_map_file(b, &a, PG, PROT_READ, LFI_MAP_FIXED, fd, 0, 0),
	       -EACCES);
	EXPECT(lfi_box_map_code(b, x + PG, code, 32, NULL, 0), -EACCES);
	EXPECT(lfi_box_map_code(b, x - PG, code, 2 * PG, NULL, 0), -EACCES);
	/* brk can neither grow into code nor shrink over it. */
	lfi_box_brk_init(b, x - 2 * PG);
	CHECK(lfi_box_brk(b, x + PG) == x - 2 * PG, "brk grew over code");
	CHECK(!memcmp((void *)x, code, sizeof code) &&
	      all_bytes(x + sizeof code, 2 * PG - sizeof code, 0xcc),
	      "code changed");
	CHECK(!strcmp(perms(x, x + 2 * PG), "r-xp"), "code is now %s",
	      perms(x, x + 2 * PG));
	CHECK(all_bytes(x - PG, PG, 0x33) &&
	      !strcmp(perms(x - PG, x), "rw-p"), "data before the code changed");
	/* The whole box can still go. */
	EXPECT(lfi_box_unmap(b, x + 2 * PG, PG), 0);
out:
	if (fd >= 0)
		close(fd);
	lfi_box_free(b);
	return r;
}

/* ---- brk ------------------------------------------------------------- */

static const char *t_brk(void)
{
	const char *r = NULL;
	struct lfi_box *b = new_box();
	uint64_t base, start, top, a;

	if (!b)
		return reason;
	base = lfi_box_base(b);
	CHECK(lfi_box_brk(b, 0) == 0, "break before init");
	CHECK(lfi_box_brk(b, base + GIB) == 0, "brk moved before init");
	start = base + 0x100000 + 123;
	top = base + 0x101000;		/* first page of the heap */
	lfi_box_brk_init(b, start);
	CHECK(lfi_box_brk(b, 0) == start, "brk(0) after init");
	CHECK(lfi_box_brk(b, start + 10000) == start + 10000, "grow");
	CHECK(!strcmp(perms(top, top + 2 * PG), "rw-p"), "heap: %s",
	      perms(top, top + 2 * PG));
	CHECK(reserved(top + 2 * PG, top + 4 * PG) && reserved(top - PG, top),
	      "heap too large");
	CHECK(all_bytes(top, 2 * PG, 0), "heap not zeroed");
	memset((void *)top, 0x44, 2 * PG);
	CHECK(lfi_box_brk(b, start + 4000) == start + 4000, "shrink");
	CHECK(all_bytes(top, PG, 0x44), "shrinking lost the first page");
	CHECK(reserved(top + PG, top + 3 * PG), "shrunk pages still mapped");
	CHECK(lfi_box_brk(b, start + 9000) == start + 9000, "grow again");
	CHECK(all_bytes(top + PG, PG, 0), "regrown page not zeroed");
	CHECK(lfi_box_brk(b, start - 1) == start + 9000, "below the start");
	CHECK(lfi_box_brk(b, base + BOX + 1) == start + 9000, "past the box");
	/* Not into another mapping. */
	a = top + 8 * PG;
	EXPECT(lfi_box_map(b, &a, PG, RW, LFI_MAP_FIXED), 0);
	memset((void *)a, 0x55, PG);
	CHECK(lfi_box_brk(b, top + 10 * PG) == start + 9000, "grew over data");
	CHECK(all_bytes(a, PG, 0x55), "data under the heap changed");
	CHECK(lfi_box_brk(b, top + 8 * PG) == top + 8 * PG, "grow to the data");
	CHECK(lfi_box_brk(b, start) == start, "back to the start");
	CHECK(reserved(top, top + 8 * PG) && all_bytes(a, PG, 0x55),
	      "empty heap");
	/* Heap pages are ordinary data: munmap works on them. */
	CHECK(lfi_box_brk(b, top + 2 * PG) == top + 2 * PG, "grow 2 pages");
	EXPECT(lfi_box_unmap(b, top, PG), 0);
	CHECK(reserved(top, top + PG), "unmapped heap page");
out:
	lfi_box_free(b);
	return r;
}

/* ---- threads --------------------------------------------------------- */

#define WORKERS 4
#define ROUNDS 300

struct worker {
	struct lfi_box *box;
	uint64_t tag;
	uint64_t addr[ROUNDS], len[ROUNDS];
	int live[ROUNDS];
	const char *error;
	char buf[128];
};

static void tag_pages(uint64_t a, uint64_t len, uint64_t tag)
{
	uint64_t p;

	for (p = a; p < a + len; p += PG)
		*(uint64_t *)p = tag;
}

static int tagged(uint64_t a, uint64_t len, uint64_t tag)
{
	uint64_t p;

	for (p = a; p < a + len; p += PG)
		if (*(uint64_t *)p != tag)
			return 0;
	return 1;
}

/* Maps, tags, and unmaps every other mapping again: a range handed out
   twice would lose one owner's tag. */
static void *work(void *arg)
{
	struct worker *w = arg;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		uint64_t a = 0, len = (1 + (i * 7 + w->tag) % 16) * PG;
		int err = lfi_box_map(w->box, &a, len, RW, 0);

		if (err) {
			snprintf(w->buf, sizeof w->buf, "map: %s", strerror(-err));
			w->error = w->buf;
			return NULL;
		}
		w->addr[i] = a;
		w->len[i] = len;
		w->live[i] = 1;
		tag_pages(a, len, w->tag << 32 | i);
		if (i % 2 && i > 1) {
			int k = i - 1;

			if (!tagged(w->addr[k], w->len[k], w->tag << 32 | k) ||
			    lfi_box_unmap(w->box, w->addr[k], w->len[k])) {
				w->error = "a mapping lost its tag or its unmap failed";
				return NULL;
			}
			w->live[k] = 0;
		}
	}
	return NULL;
}

struct range {
	uint64_t start, end;
};

static int cmp_range(const void *a, const void *b)
{
	return cmp_u64(&((const struct range *)a)->start,
		       &((const struct range *)b)->start);
}

static const char *t_threads(void)
{
	static struct worker w[WORKERS];
	static struct range all[WORKERS * ROUNDS];
	const char *r = NULL;
	struct lfi_box *b = new_box();
	pthread_t t[WORKERS];
	int i, k, n = 0;

	if (!b)
		return reason;
	for (i = 0; i < WORKERS; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].box = b;
		w[i].tag = i + 1;
		pthread_create(&t[i], NULL, work, &w[i]);
	}
	for (i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < WORKERS; i++) {
		CHECK(!w[i].error, "thread %d: %s", i, w[i].error);
		for (k = 0; k < ROUNDS; k++) {
			if (!w[i].live[k])
				continue;
			CHECK(tagged(w[i].addr[k], w[i].len[k],
				     w[i].tag << 32 | k),
			      "thread %d mapping %d lost its tag", i, k);
			all[n].start = w[i].addr[k];
			all[n++].end = w[i].addr[k] + w[i].len[k];
		}
	}
	qsort(all, n, sizeof all[0], cmp_range);
	for (i = 1; i < n; i++)
		CHECK(all[i].start >= all[i - 1].end, "ranges overlap: "
		      "%lx-%lx and %lx-%lx", all[i - 1].start, all[i - 1].end,
		      all[i].start, all[i].end);
	CHECK(n > WORKERS * ROUNDS / 2, "only %d mappings alive", n);
out:
	lfi_box_free(b);
	return r;
}

/* ---- teardown -------------------------------------------------------- */

static const char *t_free_gives_back(void)
{
	static char before[sizeof maps_text];
	const char *r = NULL;
	struct lfi_box *b;
	uint64_t base, a;
	int count = 0;

	/* A first round grows malloc's heap to what the test needs. */
	for (int round = 0; round < 2; round++) {
		if (round) {
			count = parse_maps();
			read_maps_text(before, sizeof before);
		}
		b = new_box();
		if (!b)
			return reason;
		base = lfi_box_base(b);
		a = 0;
		if (lfi_box_map(b, &a, 64 * PG, RW, 0) ||
		    lfi_box_protect(b, a + PG, PG, PROT_READ) ||
		    lfi_box_map_code(b, base + GIB, good_code, sizeof good_code,
				     NULL, 0) ||
		    lfi_box_unmap(b, a + 8 * PG, PG)) {
			lfi_box_free(b);
			return fail("setting up the box failed");
		}
		lfi_box_brk_init(b, base + 2 * GIB);
		lfi_box_brk(b, base + 2 * GIB + 100 * PG);
		memset((void *)a, 1, PG);
		lfi_box_free(b);
	}
	CHECK(parse_maps() == count, "%d mappings after lfi_box_free, %d "
	      "before", parse_maps(), count);
	read_maps_text(maps_text, sizeof maps_text);
	CHECK(!strcmp(before, maps_text), "/proc/self/maps differs after "
	      "lfi_box_free");
	CHECK(strcmp(perms(base - GUARD, base + BOX + GUARD), "---p"),
	      "box still reserved");
out:
	return r;
}

/* ---- main ------------------------------------------------------------ */

static const struct {
	const char *name;
	const char *(*run)(void);
} tests[] = {
	{ "base", t_base },
	{ "new-refused", t_new_refused },
	{ "guards", t_guards },
	{ "table", t_table },
	{ "low-refused", t_low_refused },
	{ "map-anywhere", t_map_anywhere },
	{ "map-hint", t_map_hint },
	{ "map-fixed-replaces", t_map_fixed_replaces },
	{ "unmap-split", t_unmap_split },
	{ "protect", t_protect },
	{ "remap", t_remap },
	{ "remap-no-hole", t_remap_no_hole },
	{ "host-refuses", t_host_refuses },
	{ "exhaustion", t_exhaustion },
	{ "wx", t_wx },
	{ "map-file", t_map_file },
	{ "code-accepted", t_code_accepted },
	{ "code-rejected", t_code_rejected },
	{ "code-immutable", t_code_immutable },
	{ "pinned", t_pinned },
	{ "code-preverified", t_code_preverified },
	{ "brk", t_brk },
	{ "threads", t_threads },
	{ "free-gives-back", t_free_gives_back },
	{ "thousand-boxes", t_thousand_boxes },
	{ "box-limit", t_box_limit },
};

int main(void)
{
	size_t i;

	for (i = 0; i < LFI_RUNTIME_CALLS; i++)
		table[i] = 0x7000000000000000ULL + i * 0x100;
	table[3] = (uint64_t)code_returned;
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i < sizeof tests / sizeof tests[0]; i++) {
		const char *why = tests[i].run();

		if (why)
			printf("FAIL: runtime/core/%s: %s\n", tests[i].name, why);
		else
			printf("PASS: runtime/core/%s\n", tests[i].name);
	}
	return 0;
}
