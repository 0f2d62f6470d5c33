/* libfirst.lfi.so (SONAME libfirst.so.2, not its file name): calls into
   libsecond, reads a -map'ed data file, and maps libsecond's code
   executable itself (tests/sobox/files.sh). */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

long second_twice(long);

long first_calls_second(long v)
{
	return second_twice(v) + 1000;
}

/* the bytes of /etc/first.conf, a -map with an absolute name */
long first_conf(void)
{
	char buf[64];
	int fd = open("/etc/first.conf", O_RDONLY);
	long n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof buf);
	close(fd);
	return n;
}

/* mmap of libsecond's executable segment, `extra` bytes longer than the
   segment: 0 (ld-musl's mapping, preverified) or more (verified) */
long first_map_second(long extra)
{
	int fd = open("/lib/libsecond.lfi.so.1", O_RDONLY);
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	void *p;

	if (fd < 0 || pread(fd, &eh, sizeof eh, 0) != sizeof eh)
		return -1;
	for (int i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof ph, eh.e_phoff + i * sizeof ph) != sizeof ph)
			return -1;
		if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_X))
			continue;
		unsigned long off = ph.p_offset & ~4095UL;
		unsigned long len = ((ph.p_offset + ph.p_memsz + 4095) & ~4095UL) - off;
		p = mmap(NULL, len + extra, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, off);
		close(fd);
		return p == MAP_FAILED ? -errno : 0;
	}
	return -1;
}
