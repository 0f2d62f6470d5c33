/* What the process may learn about its surroundings: its parent, the
   system's name and load, and its own resource limits (read only). */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

long sys_getppid(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return getppid();
}

/* The process's identity, read only (the set* calls are not served). */
long sys_getuid(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return getuid();
}

long sys_geteuid(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return geteuid();
}

long sys_getgid(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return getgid();
}

long sys_getegid(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return getegid();
}

/* The host's, but for the host name, which the box does not need. */
long sys_uname(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct utsname u;

	if (uname(&u) < 0)
		return -errno;
	memset(u.nodename, 0, sizeof u.nodename);
	strcpy(u.nodename, "lfi");
	memset(u.domainname, 0, sizeof u.domainname);
	return box_write(t, r->rdi, &u, sizeof u);
}

long sys_sysinfo(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -errno;
	return box_write(t, r->rdi, &si, sizeof si);
}

/* prlimit64: pid 0 (this process) only, and reading only. */
long sys_prlimit64(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct rlimit64 old;

	if (r->rdi != 0)
		return -EPERM;
	if (r->rdx)
		return -EPERM;
	if (prlimit64(0, (int)r->rsi, NULL, &old) < 0)
		return -errno;
	return r->r10 ? box_write(t, r->r10, &old, sizeof old) : 0;
}
