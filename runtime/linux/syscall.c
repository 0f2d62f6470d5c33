/* Runtime call 0: the system calls a musl program needs, each checking
   its pointers against the box before use (sys_*.c, one family each).
   This first version serves a single-threaded program using its standard
   streams; everything else returns -ENOSYS (logged with -V). The per-box
   file-descriptor table, the path policy and threads are still to come. */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>

static sys_fn *const handlers[] = {
	[SYS_read] = sys_read,
	[SYS_write] = sys_write,
	[SYS_readv] = sys_readv,
	[SYS_writev] = sys_writev,
	[SYS_ioctl] = sys_ioctl,
	[SYS_close] = sys_close,
	[SYS_mmap] = sys_mmap,
	[SYS_munmap] = sys_munmap,
	[SYS_mprotect] = sys_mprotect,
	[SYS_brk] = sys_brk,
	[SYS_clock_gettime] = sys_clock_gettime,
	[SYS_getrandom] = sys_getrandom,
	[SYS_getpid] = sys_getpid,
	[SYS_gettid] = sys_getpid,
	[SYS_set_tid_address] = sys_getpid,	/* emulated: the tid */
	[SYS_set_robust_list] = sys_ignored,
	[SYS_rt_sigprocmask] = sys_ignored,
	[SYS_rt_sigaction] = sys_ignored,
	[SYS_sched_yield] = sys_ignored,
	[SYS_exit] = sys_exit_group,
	[SYS_exit_group] = sys_exit_group,
};

long lfi_linux_syscall(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	sys_fn *fn = r->rax < sizeof handlers / sizeof *handlers ?
			     handlers[r->rax] : NULL;
	long ret = fn ? fn(t, r) : -ENOSYS;
	struct lfi_proc *p = proc_of(t);

	if (p->verbose)
		fprintf(stderr, "[%s] syscall %llu (0x%llx, 0x%llx, 0x%llx) = %ld\n",
			p->name, (unsigned long long)r->rax,
			(unsigned long long)r->rdi, (unsigned long long)r->rsi,
			(unsigned long long)r->rdx, ret);
	return ret;
}
