/* Runtime call 0: the system calls a musl program needs, each checking
   its pointers against the box before use (sys_*.c, one family each).
   Files, threads (sys_thread.c) and the emulated signal calls
   (sys_signal.c); everything else returns -ENOSYS (logged with -V). */
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
	[SYS_mremap] = sys_mremap,
	[SYS_madvise] = sys_madvise,
	[SYS_clock_getres] = sys_clock_getres,
	[SYS_gettimeofday] = sys_gettimeofday,
	[SYS_nanosleep] = sys_nanosleep,
	[SYS_clock_nanosleep] = sys_clock_nanosleep,
	[SYS_getppid] = sys_getppid,
	[SYS_getuid] = sys_getuid,
	[SYS_geteuid] = sys_geteuid,
	[SYS_getgid] = sys_getgid,
	[SYS_getegid] = sys_getegid,
	[SYS_uname] = sys_uname,
	[SYS_sysinfo] = sys_sysinfo,
	[SYS_prlimit64] = sys_prlimit64,
	[SYS_clock_gettime] = sys_clock_gettime,
	[SYS_getrandom] = sys_getrandom,
	[SYS_getpid] = sys_getpid,
	[SYS_gettid] = sys_gettid,
	[SYS_set_tid_address] = sys_set_tid_address,
	[SYS_set_robust_list] = sys_ignored,
	[SYS_rt_sigprocmask] = sys_rt_sigprocmask,
	[SYS_rt_sigaction] = sys_rt_sigaction,
	[SYS_sched_yield] = sys_sched_yield,
	[SYS_exit] = sys_exit,
	[SYS_exit_group] = sys_exit_group,
	/* files: sys_fd.c, sys_fs.c, sys_fs_legacy.c */
	[SYS_pread64] = sys_pread64,
	[SYS_pwrite64] = sys_pwrite64,
	[SYS_lseek] = sys_lseek,
	[SYS_fstat] = sys_fstat,
	[SYS_getdents64] = sys_getdents64,
	[SYS_fcntl] = sys_fcntl,
	[SYS_dup] = sys_dup,
	[SYS_dup2] = sys_dup2,
	[SYS_dup3] = sys_dup3,
	[SYS_pipe] = sys_pipe,
	[SYS_pipe2] = sys_pipe2,
	[SYS_ftruncate] = sys_ftruncate,
	[SYS_fsync] = sys_fsync,
	[SYS_fdatasync] = sys_fdatasync,
	[SYS_openat] = sys_openat,
	[SYS_newfstatat] = sys_newfstatat,
	[SYS_statx] = sys_statx,
	[SYS_getcwd] = sys_getcwd,
	[SYS_chdir] = sys_chdir,
	[SYS_mkdirat] = sys_mkdirat,
	[SYS_unlinkat] = sys_unlinkat,
	[SYS_renameat] = sys_renameat,
	[SYS_renameat2] = sys_renameat2,
	[SYS_readlinkat] = sys_readlinkat,
	[SYS_faccessat] = sys_faccessat,
	[SYS_faccessat2] = sys_faccessat2,
	[SYS_umask] = sys_umask,
	[SYS_open] = sys_open,
	[SYS_stat] = sys_stat,
	[SYS_lstat] = sys_lstat,
	[SYS_access] = sys_access,
	[SYS_mkdir] = sys_mkdir,
	[SYS_unlink] = sys_unlink,
	[SYS_rmdir] = sys_rmdir,
	[SYS_rename] = sys_rename,
	[SYS_readlink] = sys_readlink,
	[SYS_clone] = sys_clone,
	[SYS_futex] = sys_futex,
	[SYS_sched_getaffinity] = sys_sched_getaffinity,
	[LFI_SYS_SOBOX_HANDOVER] = sys_sobox_handover,
	[LFI_SYS_SOBOX_PAUSE] = sys_sobox_pause,
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
