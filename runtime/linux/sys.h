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

/* The host fd behind a sandbox fd, or -1 (only the standard streams so
   far; the per-box table comes with the file system calls). */
static inline int host_fd(uint64_t fd)
{
	return fd <= 2 ? (int)fd : -1;
}

typedef long sys_fn(struct lfi_thread *t, struct lfi_syscall_regs *r);

/* sys_io.c */
sys_fn sys_read, sys_write, sys_readv, sys_writev, sys_ioctl, sys_close;
/* sys_mem.c */
sys_fn sys_mmap, sys_munmap, sys_mprotect, sys_brk;
/* sys_misc.c */
sys_fn sys_clock_gettime, sys_getrandom, sys_getpid, sys_exit_group,
	sys_ignored;

#endif
