/* File system calls inside a writable mapped directory (the working
   directory): one line per check, "NAME: ok" or "NAME: ..." with what
   went wrong; the exit status is the number of failures. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

static void check(const char *name, int ok, const char *what)
{
	if (ok)
		printf("%s: ok\n", name);
	else {
		printf("%s: %s (errno %s)\n", name, what, strerror(errno));
		failures++;
	}
}

int main(void)
{
	char buf[256], cwd[256];
	struct stat st;
	int fd, fd2, p[2];

	/* lfi-run's own host fds (3 and up: its dups of the streams, the
	   mappings' directories) are not the box's */
	check("fd3-not-the-hosts", fstat(3, &st) == -1 && errno == EBADF, "fd 3");
	check("getcwd", getcwd(cwd, sizeof cwd) && !strcmp(cwd, "/data"), cwd);
	fd = open("new.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
	check("create", fd >= 0, "open O_CREAT");
	check("write", write(fd, "hello, file\n", 12) == 12, "write");
	check("lseek", lseek(fd, 0, SEEK_SET) == 0, "lseek");
	memset(buf, 0, sizeof buf);
	check("read", read(fd, buf, sizeof buf) == 12 && !strcmp(buf, "hello, file\n"), buf);
	check("pwrite", pwrite(fd, "J", 1, 7) == 1, "pwrite");
	check("pread", pread(fd, buf, 5, 7) == 5 && !memcmp(buf, "Jile\n", 5), "pread");
	check("fstat", fstat(fd, &st) == 0 && st.st_size == 12 && S_ISREG(st.st_mode), "fstat");
	check("ftruncate", ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5, "ftruncate");
	check("fsync", fsync(fd) == 0, "fsync");
	fd2 = dup(fd);
	check("dup-shares-offset", fd2 > fd && lseek(fd2, 2, SEEK_SET) == 2 &&
	      lseek(fd, 0, SEEK_CUR) == 2, "dup");
	check("dup2", dup2(fd, 20) == 20 && fcntl(20, F_GETFD) == 0, "dup2");
	check("fcntl-cloexec", fcntl(20, F_SETFD, FD_CLOEXEC) == 0 &&
	      fcntl(20, F_GETFD) == FD_CLOEXEC, "F_SETFD");
	check("fcntl-dupfd", fcntl(fd, F_DUPFD_CLOEXEC, 30) == 30 &&
	      fcntl(30, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC");
	check("fcntl-getfl", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR, "F_GETFL");
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	check("fcntl-lock", fcntl(fd, F_SETLK, &fl) == 0 && fcntl(fd, F_GETLK, &fl) == 0 &&
	      fl.l_type == F_UNLCK, "F_SETLK/F_GETLK emulated");
	check("close", close(fd2) == 0 && close(20) == 0 && close(30) == 0 &&
	      close(fd) == 0 && close(fd) == -1 && errno == EBADF, "close");
	check("stat", stat("new.txt", &st) == 0 && st.st_size == 5, "stat");
	check("stat-abs", stat("/data/new.txt", &st) == 0, "stat absolute");
	check("rename", rename("new.txt", "renamed.txt") == 0 &&
	      stat("new.txt", &st) == -1 && errno == ENOENT &&
	      stat("renamed.txt", &st) == 0, "rename");
	check("mkdir", mkdir("sub", 0755) == 0 && stat("sub", &st) == 0 && S_ISDIR(st.st_mode), "mkdir");
	check("chdir", chdir("sub") == 0 && getcwd(cwd, sizeof cwd) && !strcmp(cwd, "/data/sub"), cwd);
	fd = open("../sub/inner", O_CREAT | O_WRONLY, 0600);
	check("relative-dotdot", fd >= 0 && close(fd) == 0 && access("/data/sub/inner", F_OK) == 0, "..");
	check("chdir-back", chdir("..") == 0 && getcwd(cwd, sizeof cwd) && !strcmp(cwd, "/data"), cwd);
	fd = open("sub", O_RDONLY | O_DIRECTORY);
	check("openat-dirfd", fd >= 0 && (fd2 = openat(fd, "inner", O_RDONLY)) >= 0 && close(fd2) == 0,
	      "openat relative to a directory fd");
	check("openat-dirfd-dotdot", (fd2 = openat(fd, "../renamed.txt", O_RDONLY)) >= 0 &&
	      close(fd2) == 0 && close(fd) == 0, "openat dirfd ..");
	DIR *d = opendir(".");
	int seen = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		seen += !strcmp(e->d_name, "renamed.txt") || !strcmp(e->d_name, "sub");
	check("readdir", d && seen == 2 && closedir(d) == 0, "getdents64");
	check("unlink", unlink("sub/inner") == 0 && access("sub/inner", F_OK) == -1 && errno == ENOENT, "unlink");
	check("rmdir", rmdir("sub") == 0 && stat("sub", &st) == -1, "rmdir");
	check("rmdir-notdir", rmdir("renamed.txt") == -1 && errno == ENOTDIR, "rmdir of a file");
	check("link-inside", readlink("inlink", buf, sizeof buf) == 8 && !memcmp(buf, "data.txt", 8), "readlink");
	fd = open("inlink", O_RDONLY);
	check("symlink-inside", fd >= 0 && read(fd, buf, 4) == 4 && !memcmp(buf, "data", 4) && close(fd) == 0,
	      "symlink inside the mapping");
	fd = open("abslink", O_RDONLY);
	check("absolute-symlink-in-box", fd >= 0 && close(fd) == 0, "absolute symlink resolved in the box");
	umask(0);
	fd = open("mode666", O_CREAT | O_WRONLY, 0666);
	check("umask-exact", fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0666, "mode");
	close(fd);
	check("umask-returns-old", umask(027) == 0 && umask(027) == 027, "umask");
	check("umask-mkdir", mkdir("d750", 0777) == 0 && stat("d750", &st) == 0 &&
	      (st.st_mode & 0777) == 0750, "mkdir mode");
	check("pipe", pipe(p) == 0 && write(p[1], "xyz", 3) == 3 && read(p[0], buf, 3) == 3 &&
	      !memcmp(buf, "xyz", 3) && close(p[0]) == 0 && close(p[1]) == 0, "pipe");
	check("pipe2", pipe2(p, O_CLOEXEC) == 0 && fcntl(p[0], F_GETFD) == FD_CLOEXEC, "pipe2");
	fd = open("renamed.txt", O_RDWR);
	char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	check("mmap-shared", m != MAP_FAILED && !memcmp(m, "hello", 5), "mmap");
	if (m != MAP_FAILED) {
		m[0] = 'H';
		munmap(m, 4096);
	}
	check("mmap-shared-writes", pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "Hello", 5), "shared write");
	m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	check("mmap-private", m != MAP_FAILED && !memcmp(m, "Hello", 5), "mmap private");
	close(fd);
	check("stat-root", stat("/", &st) == 0 && S_ISDIR(st.st_mode), "the box's root");
	check("write-to-stderr-dup", dprintf(2, "%s", "") == 0, "stderr");
	return failures;
}
