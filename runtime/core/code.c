/*
 * code.c - making verified code executable in a box.
 *
 * The bytes are copied once into fresh private pages, the rest of the
 * last page becomes int3, and the pages turn read-only for every thread
 * before the verifier reads them: what runs is exactly what was checked,
 * whatever the source buffer or a sandbox thread does meanwhile. Only
 * then read-execute; never writable and executable, no other alias.
 *
 * lfi_box_map_code_preverified is the same path without the verifier, for
 * bytes whose verification was done once already (box.h says by whom).
 * Every other step is shared, so the two cannot drift apart.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include "box_internal.h"
#include "lfi_verify.h"

#define INT3 0xcc

struct first_error {
	char *buf;
	size_t size;
	uint64_t base;
};

/* "0x10003: `syscall`: V2 forbidden: <text> (detail)", with the address
   as the sandbox sees it (offset from the base). */
static void note_error(const struct lfi_error *e, void *ctx)
{
	struct first_error *f = ctx;

	if (!f->buf || !f->size)
		return;
	snprintf(f->buf, f->size, "0x%llx: `%s`: %s %s: %s%s%s%s",
		 (unsigned long long)(e->address - f->base), e->insn,
		 lfi_reason_rule(e->reason), lfi_reason_name(e->reason),
		 lfi_reason_text(e->reason), e->detail[0] ? " (" : "",
		 e->detail, e->detail[0] ? ")" : "");
}

/* 0, -EPERM (rejected; why says where) or -ENOMEM. */
static int verify(const struct lfi_box *box, uint64_t addr, uint64_t len,
		  char *why, size_t why_size)
{
	struct first_error f = { why, why_size, box->base };
	struct lfi_verify_options opt = { .on_error = note_error, .ctx = &f };
	struct lfi_verifier *v = lfi_verifier_new();
	long n;

	if (!v)
		return -ENOMEM;
	n = lfi_verify(v, (const uint8_t *)addr, len, addr, &opt, NULL);
	lfi_verifier_free(v);
	if (n < 0)
		return -ENOMEM;
	return n ? -EPERM : 0;
}

/* Fills, freezes, verifies (unless preverified) and enables [addr,
   addr + size); on any failure the range is back to the reservation. */
static int load(const struct lfi_box *box, uint64_t addr, uint64_t size,
		const void *code, uint64_t len, int preverified, char *why,
		size_t why_size)
{
	int err = lfi_box_fresh(addr, size, PROT_READ | PROT_WRITE);

	if (err)
		return err;
	memcpy((void *)addr, code, len);
	memset((char *)addr + len, INT3, size - len);
	if (mprotect((void *)addr, size, PROT_READ) != 0)
		err = -errno;
	if (!err && !preverified)
		err = verify(box, addr, size, why, why_size);
	if (!err && mprotect((void *)addr, size, PROT_READ | PROT_EXEC) != 0)
		err = -errno;
	if (err)
		lfi_box_reset(addr, size);
	return err;
}

static int map_code(struct lfi_box *box, uint64_t addr, const void *code,
		    uint64_t len, int preverified, char *why, size_t why_size)
{
	struct lfi_regions *rs = &box->regions;
	uint64_t size = lfi_box_pages(len);
	struct lfi_region r = { addr, addr + size, PROT_READ | PROT_EXEC,
				LFI_REGION_CODE };
	int err;

	if (why && why_size)
		why[0] = '\0';
	if (!code || !lfi_box_usable(box, addr, size))
		return -EINVAL;
	if (lfi_read_implies_exec())
		return -EACCES;
	pthread_mutex_lock(&box->lock);
	if (lfi_regions_overlap(rs, addr, addr + size, LFI_REGIONS_FIXED))
		err = -EACCES;
	else
		err = lfi_regions_reserve(rs);
	if (!err) {
		err = load(box, addr, size, code, len, preverified, why, why_size);
		/* Data that was there is gone either way. */
		lfi_regions_remove(rs, addr, addr + size);
		if (!err) {
			lfi_regions_add(rs, r);
			*(preverified ? &box->preverified : &box->verified) += size;
		}
	}
	pthread_mutex_unlock(&box->lock);
	return err;
}

int lfi_box_map_code(struct lfi_box *box, uint64_t addr, const void *code,
		     uint64_t len, char *why, size_t why_size)
{
	return map_code(box, addr, code, len, 0, why, why_size);
}

int lfi_box_map_code_preverified(struct lfi_box *box, uint64_t addr,
				 const void *code, uint64_t len)
{
	return map_code(box, addr, code, len, 1, NULL, 0);
}

void lfi_box_code_bytes(struct lfi_box *box, uint64_t *verified,
			uint64_t *preverified)
{
	pthread_mutex_lock(&box->lock);
	*verified = box->verified;
	*preverified = box->preverified;
	pthread_mutex_unlock(&box->lock);
}

int lfi_box_is_code(struct lfi_box *box, uint64_t addr)
{
	const struct lfi_region *r;
	int code;

	pthread_mutex_lock(&box->lock);
	r = lfi_regions_at(&box->regions, addr);
	code = r && r->kind == LFI_REGION_CODE;
	pthread_mutex_unlock(&box->lock);
	return code;
}
