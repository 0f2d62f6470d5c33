/* sobox's system calls (linux.h). The handover
   (LFI_SYS_SOBOX_HANDOVER): the stub program of a .box.so, after ld-musl
   loaded the library, names the exported functions' box addresses. The
   table is the sandbox's memory: it is copied once and every address
   checked before the host keeps it, since the host will jump to these
   addresses on every call. Then the adoption of host threads (struct
   lfi_adopt). */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <sched.h>
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

/* A clone while sobox adopts a host thread: recorded, no thread made
   (the host thread runs it). The parent's tid word is set as the kernel
   would. */
long sobox_adopt_clone(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_adopt *a = proc_of(t)->adopt;
	uint32_t tid = (uint32_t)a->tid;

	if (a->cloned || !in_box(t, r->rsi - 8, 8))
		return -EAGAIN;
	a->cloned = 1;
	a->at = lfi_thread_return_point(t);
	a->flags = r->rdi;
	a->sp = r->rsi;
	a->tp = r->rdi & CLONE_SETTLS ? r->r8 : t->tp;
	a->ctid = r->rdi & CLONE_CHILD_CLEARTID ? r->r10 : 0;
	/* the child's argument registers, as sys_clone gives them */
	a->args[0] = r->rdi;
	a->args[1] = r->rsi;
	a->args[2] = r->rdx;
	a->args[4] = r->r8;
	a->args[5] = r->r9;
	if (r->rdi & CLONE_PARENT_SETTID)
		box_write(t, r->rdx, &tid, sizeof tid);
	return a->tid;
}

/* The adopted thread's start reached the stub's pause: its run ends
   there, paused for good. Any other context: an unknown call. */
long sys_sobox_pause(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct lfi_adopt *a = proc_of(t)->adopt;

	if (!a || a->to != t || a->paused)
		return -ENOSYS;
	a->paused = 1;
	a->paused_sp = t->sbx_rsp;	/* lfi_enter puts the field back after */
	lfi_leave(t, 0);
}
