/* Memory files seen from the box (tests/runtime/memfile.sh): one line per
   check, "NAME: ok" or "NAME: ..." with what went wrong; the exit status
   is the number of failures. argv[1] says whether /lib/libbad.so (code
   the verifier refuses) came with its right digest ("good") or not. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PG 4096UL
static const char hello[] = "hello, memory file\n";
static int failures;

int greet(const char *);	/* libgreet.so, a memory file found by ld-musl */

static void check(const char *name, int ok, const char *what)
{
	if (ok)
		printf("%s: ok\n", name);
	else {
		printf("%s: %s (errno %s)\n", name, what, strerror(errno));
		failures++;
	}
}

static int fails(int ret, int err)
{
	return ret == -1 && errno == err;
}

static void reading(void)
{
	char a[64] = "", b[64] = "";
	struct stat st, st2;
	int fd = open("/data/hello.txt", O_RDONLY), fd2 = open("/data/hello.txt", O_RDONLY);

	check("open", fd >= 0 && fd2 >= 0, "open");
	check("read", read(fd, a, 5) == 5 && !memcmp(a, "hello", 5), a);
	check("own-offset-per-open", read(fd2, b, 5) == 5 && !memcmp(b, "hello", 5), b);
	check("dup-shares-offset", lseek(dup(fd), 0, SEEK_CUR) == 5 &&
	      lseek(fd, 0, SEEK_CUR) == 5, "dup");
	check("lseek-end", lseek(fd, 0, SEEK_END) == (off_t)strlen(hello), "SEEK_END");
	check("read-eof", read(fd, a, sizeof a) == 0, "read at the end");
	check("pread", pread(fd, a, 6, 7) == 6 && !memcmp(a, "memory", 6), a);
	check("fstat", fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	      st.st_size == (off_t)strlen(hello) && (st.st_mode & 07777) == 0555, "fstat");
	check("stat-same-file", stat("/data/hello.txt", &st2) == 0 &&
	      st2.st_ino == st.st_ino && st2.st_dev == st.st_dev, "stat");
	void *p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0);
	check("mmap-read", p != MAP_FAILED && !memcmp(p, hello, strlen(hello)), "mmap");
	check("mmap-shared-write-refused", mmap(NULL, PG, PROT_READ | PROT_WRITE,
	      MAP_SHARED, fd, 0) == MAP_FAILED && errno == EACCES, "shared writable");
	check("write-refused", fails(write(fd, "x", 1), EBADF), "write");
	check("ftruncate-refused", ftruncate(fd, 0) == -1, "ftruncate");
	close(fd);
	close(fd2);
}

static void policy(void)
{
	struct stat st;

	check("open-wronly-erofs", fails(open("/data/hello.txt", O_WRONLY), EROFS), "O_WRONLY");
	check("open-rdwr-erofs", fails(open("/data/hello.txt", O_RDWR), EROFS), "O_RDWR");
	check("open-trunc-erofs", fails(open("/data/hello.txt", O_RDONLY | O_TRUNC), EROFS), "O_TRUNC");
	check("create-excl-eexist", fails(open("/data/hello.txt", O_CREAT | O_EXCL | O_RDONLY,
					       0644), EEXIST), "O_EXCL");
	check("open-directory-enotdir", fails(open("/data/hello.txt", O_RDONLY | O_DIRECTORY),
					      ENOTDIR), "O_DIRECTORY");
	check("below-a-file-enotdir", fails(open("/data/hello.txt/x", O_RDONLY), ENOTDIR), "x");
	check("chdir-enotdir", fails(chdir("/data/hello.txt"), ENOTDIR), "chdir");
	check("unlink-ebusy", fails(unlink("/data/hello.txt"), EBUSY), "unlink");
	check("rename-ebusy", fails(rename("/data/hello.txt", "/tmp/x"), EBUSY), "rename");
	check("mkdir-eexist", fails(mkdir("/data/hello.txt", 0755), EEXIST), "mkdir");
	check("access-w-erofs", fails(access("/data/hello.txt", W_OK), EROFS), "W_OK");
	check("access-r", access("/data/hello.txt", R_OK) == 0, "R_OK");
	check("readlink-einval", fails(readlink("/data/hello.txt", (char[8]){ 0 }, 8), EINVAL),
	      "readlink");
	check("parent-virtual", stat("/data", &st) == 0 && S_ISDIR(st.st_mode), "stat /data");
	check("nothing-else-beside", fails(open("/data/other.txt", O_RDONLY), ENOENT), "other");
	check("creating-beside-refused", open("/data/new.txt", O_CREAT | O_WRONLY, 0644) == -1,
	      "create in /data");
	check("dotdot", open("/data/../data/./hello.txt", O_RDONLY) >= 0, "/data/../data");
	/* the same bytes under two names share one memfd (a hard link) */
	struct stat a, b;
	check("same-bytes-one-file", stat("/lib/libc.so", &a) == 0 &&
	      stat("/lib/ld-musl-x86_64.so.1", &b) == 0 && a.st_ino == b.st_ino, "libc.so");
}

/* Memory files inside a mapped host directory, and links to them. */
static void mixing(void)
{
	char buf[64] = "";
	int fd = open("/tmp/shadow.txt", O_RDONLY);

	check("shadows-host-file", fd >= 0 && read(fd, buf, sizeof buf) > 0 &&
	      !strcmp(buf, hello), buf);
	memset(buf, 0, sizeof buf);
	fd = open("/tmp/link", O_RDONLY);
	check("symlink-to-memory-file", fd >= 0 && read(fd, buf, sizeof buf) > 0 &&
	      !strcmp(buf, hello), buf);
	check("host-file-beside", open("/tmp/plain.txt", O_RDONLY) >= 0, "plain.txt");
}

/* The executable PT_LOAD of an ELF file open at fd. */
static int exec_segment(int fd, Elf64_Phdr *ph)
{
	Elf64_Ehdr eh;

	if (pread(fd, &eh, sizeof eh, 0) != sizeof eh)
		return -1;
	for (int i = 0; i < eh.e_phnum; i++)
		if (pread(fd, ph, sizeof *ph, eh.e_phoff + i * sizeof *ph) == sizeof *ph &&
		    ph->p_type == PT_LOAD && (ph->p_flags & PF_X))
			return 0;
	return -1;
}

/* The segment exactly: skipped with the right digest (mapped although
   the verifier would refuse it), refused without. Any other mapping:
   verified, so refused. The same bytes in a host file: verified. */
static void code(int good)
{
	int fd = open("/lib/libbad.so", O_RDONLY), host = open("/tmp/libbad.so", O_RDONLY);
	Elf64_Phdr ph;
	unsigned long off, len;
	void *p;

	if (fd < 0 || exec_segment(fd, &ph)) {
		check("libbad", 0, "cannot read /lib/libbad.so");
		return;
	}
	off = ph.p_offset & ~(PG - 1);
	len = ((ph.p_offset + ph.p_memsz + PG - 1) & ~(PG - 1)) - off;
	p = mmap(NULL, len, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, off);
	if (good)
		check("exact-segment-skips", p != MAP_FAILED, "exact segment refused");
	else
		check("exact-segment-bad-digest-verified", p == MAP_FAILED && errno == EPERM,
		      "mapped");
	check("longer-mapping-verified", mmap(NULL, len + PG, PROT_READ | PROT_EXEC,
	      MAP_PRIVATE, fd, off) == MAP_FAILED && errno == EPERM, "mapped");
	check("dup-keeps-the-rule", mmap(NULL, len + PG, PROT_READ | PROT_EXEC, MAP_PRIVATE,
	      dup(fd), off) == MAP_FAILED && errno == EPERM, "mapped");
	check("host-copy-verified", host >= 0 && mmap(NULL, len, PROT_READ | PROT_EXEC,
	      MAP_PRIVATE, host, off) == MAP_FAILED && errno == EPERM, "mapped");
	check("shared-exec-refused", mmap(NULL, len, PROT_READ | PROT_EXEC, MAP_SHARED,
	      fd, off) == MAP_FAILED && errno == EACCES, "mapped");
}

int main(int argc, char **argv)
{
	check("dt-needed-from-memory", greet("memory") > 0, "greet");
	reading();
	policy();
	mixing();
	code(argc > 1 && !strcmp(argv[1], "good"));
	return failures;
}
