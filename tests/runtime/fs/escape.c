/* Attempts to leave the mapped directories, or to write through a
   read-only one: each must fail with the errno Linux would give for a
   file system that holds only the mappings. Run with
     --dir /data=DATA --dir /ro=RO:ro --wd /data
   where DATA holds symlinks out (see tests/runtime/fs.sh) and the host
   directory around DATA holds "secret". One line per check; the exit
   status is the number of failures. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int failures;

static void expect(const char *name, long ret, int want)
{
	int got = ret < 0 ? errno : 0;

	if (ret < 0 && got == want)
		printf("%s: ok\n", name);
	else {
		printf("%s: returned %ld, errno %s, expected %s\n", name, ret,
		       ret < 0 ? strerror(got) : "-", strerror(want));
		failures++;
	}
}

static void expect_ok(const char *name, long ret)
{
	if (ret >= 0)
		printf("%s: ok\n", name);
	else {
		printf("%s: failed: %s\n", name, strerror(errno));
		failures++;
	}
}

static long opened(const char *path, int flags)
{
	int fd = open(path, flags, 0644);
	if (fd >= 0)
		close(fd);
	return fd;
}

int main(void)
{
	struct stat st;
	char buf[64];
	int fd;

	/* the host's files around and outside the mapping */
	expect("dotdot-out", opened("../secret", O_RDONLY), ENOENT);
	expect("dotdot-many", opened("../../../../../../secret", O_RDONLY), ENOENT);
	expect("dotdot-abs", opened("/data/../../secret", O_RDONLY), ENOENT);
	expect("absolute-host-path", opened("/etc/passwd", O_RDONLY), ENOENT);
	expect("unmapped-create", opened("/tmp/x", O_CREAT | O_WRONLY), ENOENT);
	expect("unmapped-mkdir", mkdir("/newdir", 0755), ENOENT);
	expect("symlink-abs-out", opened("out-abs", O_RDONLY), ENOENT);
	expect("symlink-rel-out", opened("out-rel", O_RDONLY), ENOENT);
	expect("symlink-dir-out", opened("out-dir/passwd", O_RDONLY), ENOENT);
	expect("symlink-create-out", opened("out-new", O_CREAT | O_WRONLY), ENOENT);
	expect("symlink-loop", opened("loop", O_RDONLY), ELOOP);
	expect("stat-symlink-out", stat("out-abs", &st), ENOENT);
	expect_ok("lstat-symlink-itself", lstat("out-abs", &st));
	expect("proc-self", opened("/proc/self/maps", O_RDONLY), ENOENT);
	expect("proc-root", opened("/proc/self/root/etc/passwd", O_RDONLY), ENOENT);
	expect("proc-cwd", chdir("/proc/self/cwd"), ENOENT);
	expect("dirfd-dotdot-out", ({ int d = open("/data", O_RDONLY | O_DIRECTORY);
		long r = openat(d, "../../secret", O_RDONLY); close(d); r; }), ENOENT);
	/* through the box's name space, other mappings are reachable */
	expect_ok("dotdot-to-ro", opened("/data/../ro/file", O_RDONLY));
	expect_ok("symlink-to-ro-read", opened("to-ro", O_RDONLY));
	/* a read-only mapping stays read-only, however it is reached */
	expect("ro-write", opened("/ro/file", O_WRONLY), EROFS);
	expect("ro-rdwr", opened("/ro/file", O_RDWR), EROFS);
	expect("ro-trunc", opened("/ro/file", O_RDONLY | O_TRUNC), EROFS);
	expect("ro-create", opened("/ro/new", O_CREAT | O_WRONLY), EROFS);
	expect("ro-via-symlink", opened("to-ro", O_WRONLY), EROFS);
	expect("ro-via-dotdot", opened("../ro/file", O_WRONLY), EROFS);
	expect("ro-unlink", unlink("/ro/file"), EROFS);
	expect("ro-mkdir", mkdir("/ro/dir", 0755), EROFS);
	expect("ro-rename-out", rename("/ro/file", "/data/stolen"), EROFS);
	expect("ro-rename-in", rename("/data/mine", "/ro/mine"), EROFS);
	expect("ro-access-w", access("/ro/file", W_OK), EROFS);
	expect_ok("ro-access-r", access("/ro/file", R_OK));
	fd = open("/ro/file", O_RDONLY);
	expect("ro-ftruncate", ftruncate(fd, 0), EINVAL);
	expect("ro-mmap-shared-write", (long)mmap(NULL, 4096, PROT_READ | PROT_WRITE,
						  MAP_SHARED, fd, 0), EACCES);
	expect("mmap-shared-exec", (long)mmap(NULL, 4096, PROT_READ | PROT_EXEC,
					      MAP_SHARED, fd, 0), EACCES);
	expect("mmap-exec-not-elf", (long)mmap(NULL, 4096, PROT_READ | PROT_EXEC,
					       MAP_PRIVATE, fd, 0), EACCES);
	close(fd);
	/* the box's root and mapping points cannot be changed */
	expect("rmdir-mapping", rmdir("/data"), EBUSY);
	expect("rename-mapping", rename("/data", "/data/moved"), EBUSY);
	expect("mkdir-root", mkdir("/", 0755), EEXIST);
	expect("write-root", opened("/", O_WRONLY), EISDIR);
	/* descriptors and pointers the box does not own */
	expect("fd-unknown", read(100, buf, 1), EBADF);
	expect("fd-huge", read(1 << 20, buf, 1), EBADF);
	expect("fd-negative", close(-5), EBADF);
	expect("path-bad-pointer", opened((const char *)16, O_RDONLY), EFAULT);
	expect("read-bad-buffer", ({ int f = open("/ro/file", O_RDONLY);
		long r = read(f, (char *)16, 4); close(f); r; }), EFAULT);
	expect("stat-bad-buffer", syscall(SYS_stat, "/ro/file", 16), EFAULT);
	expect("getcwd-bad-buffer", syscall(SYS_getcwd, 16, 100), EFAULT);
	char longpath[5000];
	memset(longpath, 'a', sizeof longpath - 1);
	longpath[sizeof longpath - 1] = '\0';
	expect("path-too-long", opened(longpath, O_RDONLY), ENAMETOOLONG);
	expect("open-tmpfile", open("/data", O_TMPFILE | O_RDWR, 0600), EINVAL);
	return failures;
}
