/* Memory: the box's own page allocator (core/box.h) does the work. */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <sys/mman.h>

long sys_mmap(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	uint64_t addr = r->rdi, len = r->rsi;
	int prot = (int)r->rdx, flags = (int)r->r10;

	if (!(flags & MAP_ANONYMOUS))
		return sys_mmap_file(t, r);
	if (prot & PROT_EXEC)
		return -EACCES;
	int err = lfi_box_map(t->box, &addr, len, prot,
			      flags & MAP_FIXED ? LFI_MAP_FIXED : 0);
	return err ? err : (long)addr;
}

long sys_munmap(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return lfi_box_unmap(t->box, r->rdi, r->rsi);
}

long sys_mprotect(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	if (r->rdx & PROT_EXEC)
		return -EACCES;	/* code is made only by the loader */
	return lfi_box_protect(t->box, r->rdi, r->rsi, (int)r->rdx);
}

long sys_brk(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	return (long)lfi_box_brk(t->box, r->rdi);
}

/* mremap: within the box only; MREMAP_FIXED and MREMAP_DONTUNMAP are not
   served (musl's realloc uses MREMAP_MAYMOVE alone). */
long sys_mremap(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	uint64_t to = 0;
	int err;

	if (r->r10 & ~(uint64_t)MREMAP_MAYMOVE)
		return -EINVAL;
	err = lfi_box_remap(t->box, r->rdi, r->rsi, r->rdx,
			    (r->r10 & MREMAP_MAYMOVE) != 0, &to);
	return err ? err : (long)to;
}

/* madvise: advice that only hints is accepted and ignored; MADV_DONTNEED
   and MADV_FREE discard data pages (never code: lfi_box_discard). */
long sys_madvise(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	switch ((int)r->rdx) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE:
		return lfi_box_contains(t->box, r->rdi, r->rsi ? r->rsi : 1) ? 0 : -ENOMEM;
	case MADV_DONTNEED:
	case MADV_FREE:
		return lfi_box_discard(t->box, r->rdi, r->rsi);
	}
	return -EINVAL;
}
