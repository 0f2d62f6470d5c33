/*
 * verify.c - the verifier's driver: decode bundle by bundle (V1), apply the
 * per-instruction rules of rules.h, then check direct branch targets (V6)
 * against the instruction starts and macroinstruction interiors seen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules.h"

struct lfi_verifier {
	struct decoder dec;
	int full_check;		/* tests: never skip operand checks */
};

/* State of one lfi_verify() call. */
struct run {
	const struct decoder *d;
	int full_check;
	const uint8_t *code;
	size_t size;
	uint64_t address;
	const struct lfi_verify_options *opt;
	struct lfi_verify_stats stats;
	long errors;
	/* one 32-bit word per bundle, one bit per byte offset */
	uint32_t *starts;	/* an instruction starts here */
	uint32_t *interior;	/* ... and it is inside a macroinstruction */
	uint32_t *targets;	/* a direct branch targets this offset */
	struct insn insns[LFI_BUNDLE_SIZE];
};

static int get_bit(const uint32_t *map, uint64_t i)
{
	return map[i / LFI_BUNDLE_SIZE] >> (i % LFI_BUNDLE_SIZE) & 1;
}

struct lfi_verifier *lfi_verifier_new(void)
{
	struct lfi_verifier *v = calloc(1, sizeof *v);

	if (v && decoder_init(&v->dec) != 0) {
		free(v);
		return NULL;
	}
	return v;
}

void lfi_verifier_check_all_operands(struct lfi_verifier *v, int on)
{
	v->full_check = on;
}

void lfi_verifier_free(struct lfi_verifier *v)
{
	free(v);
}

static int stopped(const struct run *r)
{
	return r->errors > 0 && !(r->opt && r->opt->collect_all);
}

static void report(struct run *r, uint64_t offset, enum lfi_reason reason,
		   const char *insn_text, const char *detail)
{
	struct lfi_error e = { .address = r->address + offset,
			       .reason = reason };

	snprintf(e.insn, sizeof e.insn, "%s", insn_text);
	snprintf(e.detail, sizeof e.detail, "%s", detail ? detail : "");
	r->errors++;
	if (r->opt && r->opt->on_error)
		r->opt->on_error(&e, r->opt->ctx);
}

static void report_insn(struct run *r, struct insn *in, struct verdict v)
{
	char text[128];

	format_insn(r->d, in, text, sizeof text);
	report(r, in->address - r->address, v.reason, text, v.detail);
}

/* Bytes that did not decode, as "(bad) 0f 04 ...". */
static void report_bytes(struct run *r, uint64_t offset, size_t count,
			 enum lfi_reason reason)
{
	char text[128] = "(bad)";
	size_t len = strlen(text);

	for (size_t i = 0; i < count && i < 15 && len + 4 < sizeof text; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, " %02x",
					r->code[offset + i]);
	report(r, offset, reason, text, NULL);
}

static int link_time_target(const struct run *r, uint64_t field)
{
	const uint64_t *lo, *list;
	size_t n;

	if (!r->opt || !r->opt->link_time_targets)
		return 0;
	list = r->opt->link_time_targets;
	n = r->opt->link_time_target_count;
	lo = list;
	while (n > 0) {	/* binary search in the sorted list */
		size_t half = n / 2;

		if (lo[half] < field) {
			lo += half + 1;
			n -= half + 1;
		} else {
			n = half;
		}
	}
	return lo < list + r->opt->link_time_target_count && *lo == field;
}

/* Target of a direct branch as an offset; -1 when it leaves the buffer. */
static int64_t branch_target(const struct run *r, const struct insn *in)
{
	uint64_t next = in->address - r->address + in->zi.length;
	uint64_t target = next + (uint64_t)in->zi.raw.imm[0].value.s;

	return target < r->size ? (int64_t)target : -1;
}

static void record_branch(struct run *r, struct insn *in)
{
	uint64_t field = in->address - r->address + in->zi.raw.imm[0].offset;
	int64_t target;

	if (link_time_target(r, field))
		return;
	target = branch_target(r, in);
	if (target < 0) {
		report_insn(r, in, (struct verdict){ LFI_BRANCH_TARGET,
						     "outside the code" });
		return;
	}
	r->targets[target / LFI_BUNDLE_SIZE] |= 1u << (target % LFI_BUNDLE_SIZE);
}

static void check_insn(struct run *r, struct insn *in)
{
	struct verdict v = { LFI_OK, NULL };

	if (!check_encoding(in, &v) || !check_instruction_set(in, &v) ||
	    !check_roles(in, &v) ||
	    ((r->full_check || operands_need_check(in)) &&
	     !check_operands(r->d, in, &v))) {
		report_insn(r, in, v);
		return;
	}
	if (is_direct_branch(in))
		record_branch(r, in);
	if (r->opt && r->opt->check_call_ends &&
	    in->zi.meta.category == ZYDIS_CATEGORY_CALL &&
	    (in->address + in->zi.length) % LFI_BUNDLE_SIZE != 0)
		report_insn(r, in, (struct verdict){ LFI_CALL_END, NULL });
}

/*
 * Decode the instructions of the bundle at `off` into r->insns; returns
 * their count. A decoding failure ends the bundle; it is described in
 * *fail and reported after the instructions before it, to keep the
 * report in address order.
 */
struct decode_failure {
	enum lfi_reason reason;
	uint64_t offset;
	struct insn *crossing;	/* LFI_CROSSES_BUNDLE: the instruction */
};

static int decode_bundle(struct run *r, uint64_t off, struct decode_failure *fail)
{
	uint64_t end = off + LFI_BUNDLE_SIZE, pos = off;
	int n = 0;

	fail->reason = LFI_OK;
	while (pos < end && pos < r->size) {
		struct insn *in = &r->insns[n];
		int status = decode_insn(r->d, r->code + pos, r->size - pos,
					 r->address + pos, in);

		if (status != DECODE_OK) {
			fail->reason = status == DECODE_TRUNCATED ?
				LFI_TRUNCATED : LFI_UNDECODABLE;
			fail->offset = pos;
			break;
		}
		if (pos + in->zi.length > end) {
			fail->reason = LFI_CROSSES_BUNDLE;
			fail->crossing = in;
			break;
		}
		pos += in->zi.length;
		n++;
	}
	return n;
}

static void report_failure(struct run *r, const struct decode_failure *f)
{
	uint64_t end = (f->offset | (LFI_BUNDLE_SIZE - 1)) + 1;

	if (f->reason == LFI_CROSSES_BUNDLE)
		report_insn(r, f->crossing, (struct verdict){ f->reason, NULL });
	else if (f->reason != LFI_OK)
		report_bytes(r, f->offset,
			     (end < r->size ? end : r->size) - f->offset,
			     f->reason);
}

static void verify_bundle(struct run *r, uint64_t off)
{
	struct decode_failure fail;
	int n = decode_bundle(r, off, &fail);
	uint32_t starts = 0, interior = 0;

	mark_macros(r->d, r->insns, n);
	for (int i = 0; i < n; i++) {
		uint32_t bit = 1u << ((r->insns[i].address - r->address) %
				      LFI_BUNDLE_SIZE);

		starts |= bit;
		if (r->insns[i].roles & ROLE_INTERIOR)
			interior |= bit;
	}
	r->starts[off / LFI_BUNDLE_SIZE] = starts;
	r->interior[off / LFI_BUNDLE_SIZE] = interior;
	for (int i = 0; i < n && !stopped(r); i++) {
		check_insn(r, &r->insns[i]);
		r->stats.operand_decodes += r->insns[i].ops_decoded > 0;
	}
	if (!stopped(r))
		report_failure(r, &fail);
	r->stats.instructions += (uint64_t)n;
	r->stats.bundles++;
}

/*
 * Rare path: some targets are not valid. Decode again to name every branch
 * that points at one of them.
 */
static void report_bad_targets(struct run *r)
{
	for (uint64_t off = 0; off < r->size && !stopped(r);) {
		struct insn in;
		int64_t t;

		if (decode_insn(r->d, r->code + off, r->size - off,
				r->address + off, &in) != DECODE_OK) {
			off = (off | (LFI_BUNDLE_SIZE - 1)) + 1;
			continue;
		}
		off += in.zi.length;
		if (!is_direct_branch(&in) ||
		    link_time_target(r, in.address - r->address +
						in.zi.raw.imm[0].offset))
			continue;
		t = branch_target(r, &in);
		if (t < 0)
			continue;	/* already reported */
		if (!get_bit(r->starts, (uint64_t)t))
			report_insn(r, &in, (struct verdict){
				LFI_BRANCH_TARGET, "not an instruction start" });
		else if (get_bit(r->interior, (uint64_t)t))
			report_insn(r, &in, (struct verdict){
				LFI_BRANCH_TARGET, "inside a macroinstruction" });
	}
}

static int has_bad_target(const struct run *r)
{
	size_t bundles = (r->size + LFI_BUNDLE_SIZE - 1) / LFI_BUNDLE_SIZE;

	for (size_t i = 0; i < bundles; i++)
		if (r->targets[i] & (~r->starts[i] | r->interior[i]))
			return 1;
	return 0;
}

long lfi_verify(const struct lfi_verifier *v, const uint8_t *code, size_t size,
		uint64_t address, const struct lfi_verify_options *opt,
		struct lfi_verify_stats *stats)
{
	struct run *r = calloc(1, sizeof *r);
	size_t bundles = (size + LFI_BUNDLE_SIZE - 1) / LFI_BUNDLE_SIZE;
	long errors;

	if (!r)
		return -1;
	*r = (struct run){ .d = &v->dec, .full_check = v->full_check, .code = code, .size = size,
			   .address = address, .opt = opt };
	r->starts = calloc(3 * (bundles ? bundles : 1), sizeof *r->starts);
	if (!r->starts) {
		free(r);
		return -1;
	}
	r->interior = r->starts + bundles;
	r->targets = r->interior + bundles;
	if (address % LFI_BUNDLE_SIZE != 0)
		report(r, 0, LFI_MISALIGNED_BUFFER, "", NULL);
	for (uint64_t off = 0; off < size && !stopped(r); off += LFI_BUNDLE_SIZE)
		verify_bundle(r, off);
	if (!stopped(r) && has_bad_target(r))
		report_bad_targets(r);
	if (stats)
		*stats = r->stats;
	errors = r->errors;
	free(r->starts);
	free(r);
	return errors;
}

int lfi_disassemble(const struct lfi_verifier *v, const uint8_t *code,
		    size_t size, uint64_t address, char *text, size_t text_size)
{
	struct insn in;

	if (decode_insn(&v->dec, code, size, address, &in) != DECODE_OK)
		return -1;
	format_insn(&v->dec, &in, text, text_size);
	return in.zi.length;
}
