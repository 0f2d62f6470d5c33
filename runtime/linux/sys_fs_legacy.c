/* The path calls that have an *at form, under their old x86-64 numbers:
   musl uses SYS_open, SYS_stat, SYS_access, ... where they exist, so
   they are served by the *at handlers relative to the working directory. */
#define _GNU_SOURCE
#include "sys.h"

#include <fcntl.h>

#define CWD ((uint64_t)(int64_t)AT_FDCWD)

long sys_open(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = r->rsi,
				      .r10 = r->rdx };
	return sys_openat(t, &a);
}

long sys_stat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = r->rsi };
	return sys_newfstatat(t, &a);
}

long sys_lstat(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = r->rsi,
				      .r10 = AT_SYMLINK_NOFOLLOW };
	return sys_newfstatat(t, &a);
}

long sys_access(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = r->rsi };
	return sys_faccessat2(t, &a);
}

long sys_mkdir(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = r->rsi };
	return sys_mkdirat(t, &a);
}

long sys_unlink(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi };
	return sys_unlinkat(t, &a);
}

long sys_rmdir(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = AT_REMOVEDIR };
	return sys_unlinkat(t, &a);
}

long sys_rename(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = CWD,
				      .r10 = r->rsi };
	return sys_renameat2(t, &a);
}

long sys_readlink(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_syscall_regs a = { .rdi = CWD, .rsi = r->rdi, .rdx = r->rsi,
				      .r10 = r->rdx };
	return sys_readlinkat(t, &a);
}
