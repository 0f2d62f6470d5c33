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
