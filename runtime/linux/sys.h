/* sys.h - the system calls of the Linux layer, one family per file,
   and the helpers they share. Each takes the thread and its registers and
   returns the result for %rax (-errno on failure). */
#ifndef LFI_SYS_H
#define LFI_SYS_H

#include "linux.h"

static inline struct lfi_proc *proc_of(struct lfi_thread *t)
{
	return t->user;
}

/* A box range the sandbox named, as a host pointer, or NULL. */
static inline void *in_box(struct lfi_thread *t, uint64_t addr, uint64_t len)
{
	if (len == 0)
		len = 1;
	return lfi_box_contains(t->box, addr, len) ? (void *)(uintptr_t)addr : NULL;
}

/* copy.c: copies between host and box memory that fail with -EFAULT
   instead of faulting in the host (unmapped or protected box pages). */
int box_read(struct lfi_thread *t, void *dst, uint64_t src, size_t n);
int box_write(struct lfi_thread *t, uint64_t dst, const void *src, size_t n);
/* A NUL-terminated path of at most PATH_MAX bytes, copied once. */
int box_read_path(struct lfi_thread *t, char *dst, uint64_t src);

/* The box's own clocks only: a negative clock id names another
   process's or thread's CPU clock (or a dynamic clock fd). */
static inline int box_clock(uint64_t id)
{
	return (int64_t)(int32_t)id >= 0 && id <= 11;
}

typedef long sys_fn(struct lfi_thread *t, struct lfi_syscall_regs *r);

/* sys_io.c */
sys_fn sys_read, sys_write, sys_readv, sys_writev, sys_ioctl, sys_close;
/* sys_mem.c */
sys_fn sys_mmap, sys_munmap, sys_mprotect, sys_brk, sys_mremap, sys_madvise;
/* sys_mmap_file.c */
sys_fn sys_mmap_file;
/* sys_fs.c: paths */
sys_fn sys_openat, sys_newfstatat, sys_statx, sys_getcwd, sys_chdir,
	sys_mkdirat, sys_unlinkat, sys_renameat, sys_renameat2, sys_readlinkat,
	sys_faccessat, sys_faccessat2, sys_umask;
/* sys_fd.c: descriptors */
sys_fn sys_pread64, sys_pwrite64, sys_lseek, sys_fstat, sys_getdents64,
	sys_fcntl, sys_dup, sys_dup2, sys_dup3, sys_pipe, sys_pipe2, sys_ftruncate,
	sys_fsync, sys_fdatasync;
/* sys_fs_legacy.c: the same under their pre-*at numbers */
sys_fn sys_open, sys_stat, sys_lstat, sys_access, sys_mkdir, sys_unlink,
	sys_rmdir, sys_rename, sys_readlink;
/* sys_misc.c */
sys_fn sys_clock_gettime, sys_getrandom, sys_getpid, sys_ignored;
/* sys_time.c */
sys_fn sys_clock_getres, sys_gettimeofday, sys_nanosleep, sys_clock_nanosleep;
/* sys_info.c */
sys_fn sys_getppid, sys_uname, sys_sysinfo, sys_prlimit64, sys_getuid,
	sys_geteuid, sys_getgid, sys_getegid;
/* sys_thread.c */
sys_fn sys_clone, sys_exit, sys_exit_group, sys_set_tid_address, sys_gettid,
	sys_futex, sys_sched_getaffinity, sys_sched_yield;
/* sys_signal.c */
sys_fn sys_rt_sigaction, sys_rt_sigprocmask;
/* sys_sobox.c */
sys_fn sys_sobox_handover;
sys_fn sys_sobox_pause;
sys_fn sobox_adopt_clone;	/* sys_clone's, while adopting */

#endif
