/* sobox's handover (linux.h, LFI_SYS_SOBOX_HANDOVER): the stub program
   of a .box.so, after ld-musl loaded the library, names the exported
   functions' box addresses. The table is the sandbox's memory: it is
   copied once and every address checked before the host keeps it, since
   the host will jump to these addresses (through lfi_enter) on every
   call. */
#include "sys.h"

#include <errno.h>
#include <stdlib.h>

static int callable(struct lfi_box *box, uint64_t fn)
{
	return lfi_box_contains(box, fn, 1) && fn % 32 == 0 &&
	       lfi_box_is_code(box, fn);
}

long sys_sobox_handover(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_proc *p = proc_of(t);
	uint64_t n = r->rsi, *v;

	/* only the embedder's first context, only once: for lfi-run and
	   every other thread it is an unknown system call */
	if (p->handover_from != t || p->exports)
		return -ENOSYS;
	if (n == 0 || n > LFI_SOBOX_MAX_EXPORTS)
		return -EINVAL;
	if (!(v = malloc(n * sizeof *v)))
		return -ENOMEM;
	if (box_read(t, v, r->rdi, n * sizeof *v)) {
		free(v);
		return -EFAULT;
	}
	for (uint64_t i = 0; i < n; i++) {
		if (!callable(t->box, v[i])) {
			free(v);
			return -EINVAL;
		}
	}
	p->exports = v;
	p->nexports = n;
	lfi_leave(t, 0);
}
