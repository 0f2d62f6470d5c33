/*
 * fuzz-verify.c - libFuzzer target for the LFI-x64 verifier.
 *
 * Built by the Makefile (target build/fuzz/fuzz-verify) as
 *   clang-14 -fsanitize=fuzzer,address,undefined -Ibuild/zydis/include \
 *       -Iverifier tests/fuzz/fuzz-verify.c $(VERIFIER_SRC) build/lib/libZydis.a
 * and run by tests/fuzz/run.sh.
 *
 * The input is raw machine code, verified at a bundle-aligned address.
 * Besides the sanitizers, the target checks these properties and abort()s
 * when one is violated (the message on stderr names the property):
 *
 * For every input:
 *   c. stop-at-first and collect-all modes agree on accept/reject; a
 *      rejection in stop-at-first mode reports exactly one error, the same
 *      (address, reason) as the first error of collect-all mode; the error
 *      callback runs once per counted error, with a valid reason, an
 *      address inside the buffer and NUL-terminated strings.
 *   j. the fast path is sound: with lfi_verifier_check_all_operands() on
 *      (operands decoded and checked for every instruction), collect-all
 *      mode reports exactly the same errors (count, addresses, reasons).
 *
 * For every accepted input (an independent, light re-check of the rules,
 * written against lfi-x64.md and Zydis only, not against verifier code):
 *   a. every instruction (bundle walk) decodes identically with Zydis'
 *      default and AMD-branches decoders (length, mnemonic, widths,
 *      operand counts, and the semantic fields of every operand);
 *   b. the same bytes are accepted at another bundle-aligned address;
 *   d. no instruction crosses a bundle boundary; every memory operand
 *      (visible or hidden) outside lea, the 0f 1f /0 NOP, M5 string
 *      instructions and the M3 jmpq has a G, S or R form: 64-bit bases only
 *      %rsp/%rip (no index, no %fs/%gs), anything else %gs: with 32-bit
 *      addressing and 32-bit registers; no bt/bts/btr/btc on memory with
 *      a 64-bit register bit offset (it reaches 2^60 bytes away);
 *   e. no instruction writes %r14 in any width;
 * and, beyond the brief, cheap checks of rules whose violation would be a
 * sandbox escape:
 *   f. %rsp is written only by push/pop/pushf/call (implicitly) or by M4;
 *   g. every branch that is not a direct (relative-immediate) branch is the
 *      last instruction of M1, M2 or M3; no ret, far or 0x66 branch;
 *   h. direct branch targets are instruction starts inside the buffer,
 *      not inside a macroinstruction (interiors recognised from their
 *      last instruction);
 *   i. denylisted instructions (syscall, int, popf, std outside
 *      std..cld, FP-control writes outside M7, ...) are absent.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <Zydis/Zydis.h>
#include "lfi_verify.h"
#include "rules.h"	/* lfi_verifier_check_all_operands(), a test hook */

#define BASE_ADDRESS 0x10000ull
#define ALT_ADDRESS 0x7ffe0000ull

static struct lfi_verifier *verifier;
static ZydisDecoder intel, amd;
static ZydisFormatter formatter;

/* The input being checked, for the report on a violation. */
static const uint8_t *cur_data;
static size_t cur_size;

static void dump_input(void)
{
	fprintf(stderr, "fuzz-verify: input (%zu bytes):", cur_size);
	for (size_t i = 0; i < cur_size; i++)
		fprintf(stderr, "%s%02x", i % 32 ? " " : "\n  ", cur_data[i]);
	fprintf(stderr, "\n");
}

__attribute__((noreturn, format(printf, 2, 3)))
static void violation(const char *property, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "\nfuzz-verify: PROPERTY VIOLATION (%s): ", property);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	dump_input();
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	verifier = lfi_verifier_new();
	if (!verifier ||
	    ZYAN_FAILED(ZydisDecoderInit(&intel, ZYDIS_MACHINE_MODE_LONG_64,
					 ZYDIS_STACK_WIDTH_64)) ||
	    ZYAN_FAILED(ZydisDecoderInit(&amd, ZYDIS_MACHINE_MODE_LONG_64,
					 ZYDIS_STACK_WIDTH_64)) ||
	    ZYAN_FAILED(ZydisDecoderEnableMode(
		    &amd, ZYDIS_DECODER_MODE_AMD_BRANCHES, ZYAN_TRUE)) ||
	    ZYAN_FAILED(ZydisFormatterInit(&formatter,
					   ZYDIS_FORMATTER_STYLE_ATT))) {
		fprintf(stderr, "fuzz-verify: initialisation failed\n");
		abort();
	}
	return 0;
}

/* ---- error collection (property c) ------------------------------------ */

struct errors {
	long count;
	uint64_t digest;	/* of every (address, reason), in order */
	int have_first;
	struct lfi_error first;
	uint64_t address;
	size_t size;
};

static void on_error(const struct lfi_error *e, void *ctx)
{
	struct errors *er = ctx;

	if (e->reason <= LFI_OK || e->reason >= LFI_REASON_COUNT)
		violation("c", "error callback with invalid reason %d",
			  (int)e->reason);
	if (!lfi_reason_name(e->reason) || !lfi_reason_rule(e->reason) ||
	    !lfi_reason_text(e->reason))
		violation("c", "reason %d has no name/rule/text", (int)e->reason);
	if (!memchr(e->insn, 0, sizeof e->insn) ||
	    !memchr(e->detail, 0, sizeof e->detail))
		violation("c", "error strings not NUL-terminated");
	if (er->size > 0 &&
	    (e->address < er->address || e->address - er->address >= er->size))
		violation("c", "error address 0x%llx outside the buffer "
			  "[0x%llx, +%zu) (%s: %s)",
			  (unsigned long long)e->address,
			  (unsigned long long)er->address, er->size,
			  lfi_reason_name(e->reason), e->insn);
	er->digest = (er->digest ^ e->address) * 0x100000001b3ull;
	er->digest = (er->digest ^ (uint64_t)e->reason) * 0x100000001b3ull;
	if (!er->have_first) {
		er->first = *e;
		er->have_first = 1;
	}
	er->count++;
}

static long run_verifier(const uint8_t *data, size_t size, uint64_t address,
			 int collect_all, struct errors *er)
{
	struct lfi_verify_options opt = { .collect_all = collect_all,
					  .on_error = on_error, .ctx = er };
	long n;

	memset(er, 0, sizeof *er);
	er->address = address;
	er->size = size;
	n = lfi_verify(verifier, data, size, address, &opt, NULL);
	if (n < 0)
		violation("c", "lfi_verify returned %ld (out of memory?) "
			  "at 0x%llx", n, (unsigned long long)address);
	if (n != er->count)
		violation("c", "lfi_verify returned %ld but reported %ld errors "
			  "(collect_all=%d)", n, er->count, collect_all);
	return n;
}

/* ---- decoded view of an accepted buffer -------------------------------- */

struct dinsn {
	ZydisDecodedInstruction zi;
	ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
	uint64_t off;	/* offset from the buffer start */
};

static void describe(const struct dinsn *in, char *buf, size_t size)
{
	size_t len;

	if (ZYAN_FAILED(ZydisFormatterFormatInstruction(
		    &formatter, &in->zi, in->ops, in->zi.operand_count_visible,
		    buf, size, BASE_ADDRESS + in->off, NULL)))
		snprintf(buf, size, "(unformattable)");
	len = strlen(buf);
	snprintf(buf + len, size - len, " [");
	len = strlen(buf);
	for (int i = 0; i < in->zi.length && len + 4 < size; i++) {
		snprintf(buf + len, size - len, "%s%02x", i ? " " : "",
			 cur_data[in->off + (size_t)i]);
		len = strlen(buf);
	}
	snprintf(buf + len, size - len, "] at offset 0x%llx",
		 (unsigned long long)in->off);
}

__attribute__((noreturn))
static void insn_violation(const char *property, const struct dinsn *in,
			   const char *what)
{
	char text[320];

	describe(in, text, sizeof text);
	violation(property, "accepted instruction `%s`: %s", text, what);
}

/* ---- property a: default vs AMD-branches decoding ---------------------- */

static const char *operand_difference(const ZydisDecodedOperand *a,
				      const ZydisDecodedOperand *b)
{
	if (a->type != b->type)
		return "operand type";
	if (a->size != b->size)
		return "operand size";
	if (a->visibility != b->visibility)
		return "operand visibility";
	if (a->actions != b->actions)
		return "operand actions";
	switch (a->type) {
	case ZYDIS_OPERAND_TYPE_REGISTER:
		return a->reg.value != b->reg.value ? "register" : NULL;
	case ZYDIS_OPERAND_TYPE_MEMORY:
		if (a->mem.type != b->mem.type)
			return "memory operand type";
		if (a->mem.segment != b->mem.segment)
			return "segment";
		if (a->mem.base != b->mem.base)
			return "base";
		if (a->mem.index != b->mem.index)
			return "index";
		if (a->mem.scale != b->mem.scale)
			return "scale";
		if (a->mem.disp.has_displacement !=
			    b->mem.disp.has_displacement ||
		    a->mem.disp.value != b->mem.disp.value)
			return "displacement";
		return NULL;
	case ZYDIS_OPERAND_TYPE_POINTER:
		return a->ptr.segment != b->ptr.segment ||
			       a->ptr.offset != b->ptr.offset ?
			       "pointer" : NULL;
	case ZYDIS_OPERAND_TYPE_IMMEDIATE:
		return a->imm.value.u != b->imm.value.u ||
			       a->imm.is_relative != b->imm.is_relative ?
			       "immediate" : NULL;
	default:
		return NULL;
	}
}

static void check_amd(const struct dinsn *in, const uint8_t *bytes,
		      size_t avail)
{
	ZydisDecodedInstruction za;
	ZydisDecodedOperand aops[ZYDIS_MAX_OPERAND_COUNT];
	const ZydisDecodedInstruction *zi = &in->zi;
	char why[96];

	memset(aops, 0, sizeof aops);
	if (ZYAN_FAILED(ZydisDecoderDecodeFull(&amd, bytes, avail, &za, aops)))
		insn_violation("a", in, "does not decode in AMD-branches mode");
	if (za.length != zi->length) {
		snprintf(why, sizeof why, "length %u in default mode, %u in AMD "
			 "mode", zi->length, za.length);
		insn_violation("a", in, why);
	}
	if (za.mnemonic != zi->mnemonic)
		insn_violation("a", in, "mnemonic differs in AMD mode");
	if (za.operand_width != zi->operand_width ||
	    za.address_width != zi->address_width)
		insn_violation("a", in, "operand/address width differs in AMD "
			       "mode");
	if (za.operand_count != zi->operand_count ||
	    za.operand_count_visible != zi->operand_count_visible)
		insn_violation("a", in, "operand count differs in AMD mode");
	for (int i = 0; i < zi->operand_count; i++) {
		const char *d = operand_difference(&in->ops[i], &aops[i]);

		if (d) {
			snprintf(why, sizeof why, "operand %d differs in AMD "
				 "mode: %s", i, d);
			insn_violation("a", in, why);
		}
	}
}

/* ---- helpers for the light rule re-checks ------------------------------ */

static ZydisRegister r64(ZydisRegister r)
{
	return ZydisRegisterGetLargestEnclosing(ZYDIS_MACHINE_MODE_LONG_64, r);
}

static ZydisRegisterClass rclass(ZydisRegister r)
{
	return ZydisRegisterGetClass(r);
}

static int has_prefix(const struct dinsn *in, uint8_t value)
{
	for (int i = 0; i < in->zi.raw.prefix_count; i++)
		if (in->zi.raw.prefixes[i].value == value)
			return 1;
	return 0;
}

static int segment_prefixes(const struct dinsn *in)
{
	return has_prefix(in, 0x26) + has_prefix(in, 0x2e) +
	       has_prefix(in, 0x36) + has_prefix(in, 0x3e) +
	       has_prefix(in, 0x64) + has_prefix(in, 0x65);
}

static int is_reg_op(const ZydisDecodedOperand *op, ZydisRegister r)
{
	return op->type == ZYDIS_OPERAND_TYPE_REGISTER && op->reg.value == r;
}

static int fz_is_branch(const struct dinsn *in)
{
	switch (in->zi.meta.category) {
	case ZYDIS_CATEGORY_COND_BR:
	case ZYDIS_CATEGORY_UNCOND_BR:
	case ZYDIS_CATEGORY_CALL:
	case ZYDIS_CATEGORY_RET:
		return 1;
	default:
		return in->zi.meta.branch_type != ZYDIS_BRANCH_TYPE_NONE;
	}
}

/* A direct branch: its first visible operand is a relative immediate. */
static int fz_is_direct_branch(const struct dinsn *in)
{
	return in->zi.operand_count_visible >= 1 &&
	       in->ops[0].type == ZYDIS_OPERAND_TYPE_IMMEDIATE &&
	       in->ops[0].imm.is_relative;
}

/* The wide NOP 0f 1f /0: names memory, never accesses it. */
static int is_wide_nop(const struct dinsn *in)
{
	return in->zi.mnemonic == ZYDIS_MNEMONIC_NOP &&
	       in->zi.opcode_map == ZYDIS_OPCODE_MAP_0F &&
	       in->zi.opcode == 0x1f && in->zi.raw.modrm.reg == 0;
}

/* Two visible operands, mnemonic m, operand width w. */
static int is_op2(const struct dinsn *in, ZydisMnemonic m, int w)
{
	return in->zi.mnemonic == m && in->zi.operand_width == w &&
	       in->zi.operand_count_visible == 2;
}

/* orq/addq %r14, %rX */
static int is_rebase(const struct dinsn *in, ZydisRegister x)
{
	return (is_op2(in, ZYDIS_MNEMONIC_OR, 64) ||
		is_op2(in, ZYDIS_MNEMONIC_ADD, 64)) &&
	       is_reg_op(&in->ops[0], x) &&
	       is_reg_op(&in->ops[1], ZYDIS_REGISTER_R14);
}

/* M3's jmpq *N(%r14), preceded by leaq (end of the jmpq)(%rip), %r11. */
static int is_m3_jump(const struct dinsn *b, int i, int64_t want_n)
{
	const struct dinsn *in = &b[i], *lea;
	const ZydisDecodedOperandMem *m = &in->ops[0].mem;
	int64_t n;

	if (i < 1 || in->zi.mnemonic != ZYDIS_MNEMONIC_JMP ||
	    in->zi.meta.branch_type != ZYDIS_BRANCH_TYPE_NEAR ||
	    in->zi.address_width != 64 || in->zi.operand_count_visible != 1 ||
	    segment_prefixes(in) || in->ops[0].type != ZYDIS_OPERAND_TYPE_MEMORY ||
	    m->base != ZYDIS_REGISTER_R14 || m->index != ZYDIS_REGISTER_NONE)
		return 0;
	n = m->disp.has_displacement ? m->disp.value : 0;
	if (n < 0 || n >= 256 || n % 8 || (want_n >= 0 && n != want_n))
		return 0;
	lea = &b[i - 1];
	return is_op2(lea, ZYDIS_MNEMONIC_LEA, 64) &&
	       is_reg_op(&lea->ops[0], ZYDIS_REGISTER_R11) &&
	       lea->ops[1].type == ZYDIS_OPERAND_TYPE_MEMORY &&
	       lea->ops[1].mem.base == ZYDIS_REGISTER_RIP &&
	       lea->ops[1].mem.index == ZYDIS_REGISTER_NONE &&
	       (int64_t)(lea->off + lea->zi.length) + lea->ops[1].mem.disp.value ==
		       (int64_t)(in->off + in->zi.length);
}

/* M1/M2 branch: and $-32,%eX ; or/add %r14,%rX ; [nops, call only] ; jmp/call *%rX */
static int is_masked_branch(const struct dinsn *b, int i)
{
	const struct dinsn *in = &b[i];
	ZydisRegister x;
	int j = i - 1;

	if ((in->zi.mnemonic != ZYDIS_MNEMONIC_JMP &&
	     in->zi.mnemonic != ZYDIS_MNEMONIC_CALL) ||
	    in->zi.meta.branch_type != ZYDIS_BRANCH_TYPE_NEAR ||
	    in->zi.operand_count_visible != 1 ||
	    in->ops[0].type != ZYDIS_OPERAND_TYPE_REGISTER)
		return 0;
	x = in->ops[0].reg.value;
	if (rclass(x) != ZYDIS_REGCLASS_GPR64 || x == ZYDIS_REGISTER_RSP ||
	    x == ZYDIS_REGISTER_R14)
		return 0;
	if (in->zi.mnemonic == ZYDIS_MNEMONIC_CALL)
		while (j >= 0 && b[j].zi.mnemonic == ZYDIS_MNEMONIC_NOP)
			j--;
	if (j < 1 || !is_rebase(&b[j], x))
		return 0;
	in = &b[j - 1];
	return is_op2(in, ZYDIS_MNEMONIC_AND, 32) &&
	       in->ops[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
	       rclass(in->ops[0].reg.value) == ZYDIS_REGCLASS_GPR32 &&
	       r64(in->ops[0].reg.value) == x &&
	       in->ops[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE &&
	       (uint32_t)in->ops[1].imm.value.u == 0xffffffe0u;
}

/* movl %eR, %eR ; leaq (%r14,%rR), %rR ending just before b[j]: R or NONE. */
static ZydisRegister rebase_pair_before(const struct dinsn *b, int j)
{
	const struct dinsn *mov, *lea;
	ZydisRegister r;

	if (j < 2)
		return ZYDIS_REGISTER_NONE;
	mov = &b[j - 2];
	lea = &b[j - 1];
	if (!is_op2(mov, ZYDIS_MNEMONIC_MOV, 32) ||
	    mov->ops[0].type != ZYDIS_OPERAND_TYPE_REGISTER ||
	    !is_reg_op(&mov->ops[1], mov->ops[0].reg.value))
		return ZYDIS_REGISTER_NONE;
	r = r64(mov->ops[0].reg.value);
	if (!is_op2(lea, ZYDIS_MNEMONIC_LEA, 64) || !is_reg_op(&lea->ops[0], r) ||
	    lea->zi.address_width != 64 || segment_prefixes(lea) ||
	    lea->ops[1].mem.base != ZYDIS_REGISTER_R14 ||
	    lea->ops[1].mem.index != r || lea->ops[1].mem.scale != 1 ||
	    lea->ops[1].mem.disp.value != 0)
		return ZYDIS_REGISTER_NONE;
	return r;
}

/*
 * M5: the string instruction b[i] and one rebasing pair for each of the
 * %rdi/%rsi it uses, right before it. *first (may be NULL) gets the index
 * of the macroinstruction's first instruction.
 */
static int m5_string_at(const struct dinsn *b, int i, int *first)
{
	const struct dinsn *in = &b[i];
	int used = 0, rebased = 0, j = i;

	if (in->zi.meta.category != ZYDIS_CATEGORY_STRINGOP ||
	    in->zi.address_width != 64 || segment_prefixes(in))
		return 0;
	for (int k = 0; k < in->zi.operand_count; k++) {
		const ZydisDecodedOperand *op = &in->ops[k];

		if (op->type != ZYDIS_OPERAND_TYPE_MEMORY)
			continue;
		if (op->mem.index != ZYDIS_REGISTER_NONE)
			return 0;
		if (op->mem.base == ZYDIS_REGISTER_RDI)
			used |= 1;
		else if (op->mem.base == ZYDIS_REGISTER_RSI)
			used |= 2;
		else
			return 0;
	}
	for (int pair = 0; pair < 2; pair++) {
		ZydisRegister r = rebase_pair_before(b, j);
		int bit = r == ZYDIS_REGISTER_RDI ? 1 :
			  r == ZYDIS_REGISTER_RSI ? 2 : 0;

		if (!bit || !(used & bit) || (rebased & bit))
			break;
		rebased |= bit;
		j -= 2;
	}
	if (first)
		*first = j;
	return used && rebased == used;
}

static int is_m5_string(const struct dinsn *b, int i)
{
	return m5_string_at(b, i, NULL);
}

/* ---- properties d-i on one bundle -------------------------------------- */

/* d: one memory operand of b[i]. */
static void check_memory_operand(const struct dinsn *b, int i,
				 const ZydisDecodedOperand *op)
{
	const ZydisDecodedOperandMem *m = &op->mem;
	const struct dinsn *in = &b[i];
	char why[160];

	if (m->segment == ZYDIS_REGISTER_FS)
		insn_violation("d", in, "%fs memory operand");
	if (rclass(m->base) == ZYDIS_REGCLASS_GPR64 ||
	    m->base == ZYDIS_REGISTER_RIP) {
		if (m->base != ZYDIS_REGISTER_RSP && m->base != ZYDIS_REGISTER_RIP) {
			snprintf(why, sizeof why, "%s memory operand with 64-bit "
				 "base %s",
				 op->visibility == ZYDIS_OPERAND_VISIBILITY_HIDDEN ?
				 "hidden" : "visible",
				 ZydisRegisterGetString(m->base));
			insn_violation("d", in, why);
		}
		if (m->index != ZYDIS_REGISTER_NONE)
			insn_violation("d", in, "%rsp/%rip base with an index");
		if (m->segment == ZYDIS_REGISTER_GS)
			insn_violation("d", in, "%gs: on a %rsp/%rip base");
		return;
	}
	/* everything else must be the G form */
	if (m->segment != ZYDIS_REGISTER_GS || in->zi.address_width != 32 ||
	    m->type != ZYDIS_MEMOP_TYPE_MEM ||
	    (m->base != ZYDIS_REGISTER_NONE && m->base != ZYDIS_REGISTER_EIP &&
	     rclass(m->base) != ZYDIS_REGCLASS_GPR32) ||
	    (m->index != ZYDIS_REGISTER_NONE &&
	     rclass(m->index) != ZYDIS_REGCLASS_GPR32)) {
		snprintf(why, sizeof why, "memory operand is not G/S/R "
			 "(segment %s, base %s, index %s, address width %u)",
			 ZydisRegisterGetString(m->segment) ?
			 ZydisRegisterGetString(m->segment) : "-",
			 ZydisRegisterGetString(m->base) ?
			 ZydisRegisterGetString(m->base) : "-",
			 ZydisRegisterGetString(m->index) ?
			 ZydisRegisterGetString(m->index) : "-",
			 in->zi.address_width);
		insn_violation("d", in, why);
	}
}

/* M4 first part: a 32-bit write of %esp followed by or/add %r14, %rsp. */
static int is_m4_first(const struct dinsn *b, int n, int i)
{
	const struct dinsn *in = &b[i];

	if (i + 1 >= n || !is_rebase(&b[i + 1], ZYDIS_REGISTER_RSP) ||
	    in->zi.operand_width != 32 || in->zi.operand_count_visible != 2 ||
	    !is_reg_op(&in->ops[0], ZYDIS_REGISTER_ESP))
		return 0;
	switch (in->zi.mnemonic) {
	case ZYDIS_MNEMONIC_MOV:
		return in->ops[1].type == ZYDIS_OPERAND_TYPE_REGISTER &&
		       rclass(in->ops[1].reg.value) == ZYDIS_REGCLASS_GPR32 &&
		       r64(in->ops[1].reg.value) != ZYDIS_REGISTER_RSP &&
		       r64(in->ops[1].reg.value) != ZYDIS_REGISTER_R14;
	case ZYDIS_MNEMONIC_LEA:
		return in->ops[1].type == ZYDIS_OPERAND_TYPE_MEMORY;
	case ZYDIS_MNEMONIC_ADD:
	case ZYDIS_MNEMONIC_SUB:
	case ZYDIS_MNEMONIC_AND:
		return in->ops[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE;
	default:
		return 0;
	}
}

static int moves_rsp_implicitly(const struct dinsn *in,
				const ZydisDecodedOperand *op)
{
	if (op->visibility != ZYDIS_OPERAND_VISIBILITY_HIDDEN)
		return 0;
	switch (in->zi.mnemonic) {
	case ZYDIS_MNEMONIC_PUSH:
	case ZYDIS_MNEMONIC_POP:
	case ZYDIS_MNEMONIC_PUSHF:
	case ZYDIS_MNEMONIC_PUSHFD:
	case ZYDIS_MNEMONIC_PUSHFQ:
	case ZYDIS_MNEMONIC_CALL:
		return 1;
	default:
		return 0;
	}
}

static int fz_is_fp_control_write(ZydisMnemonic m)
{
	switch (m) {
	case ZYDIS_MNEMONIC_LDMXCSR:
	case ZYDIS_MNEMONIC_VLDMXCSR:
	case ZYDIS_MNEMONIC_FLDCW:
	case ZYDIS_MNEMONIC_FLDENV:
	case ZYDIS_MNEMONIC_FRSTOR:
	case ZYDIS_MNEMONIC_FXRSTOR:
	case ZYDIS_MNEMONIC_FXRSTOR64:
	case ZYDIS_MNEMONIC_FNINIT:
	case ZYDIS_MNEMONIC_FNSAVE:
		return 1;
	default:
		return 0;
	}
}

static const char *denied(const struct dinsn *in)
{
	switch (in->zi.meta.category) {
	case ZYDIS_CATEGORY_SYSCALL:
	case ZYDIS_CATEGORY_SYSRET:
	case ZYDIS_CATEGORY_RET:
	case ZYDIS_CATEGORY_IO:
	case ZYDIS_CATEGORY_IOSTRINGOP:
	case ZYDIS_CATEGORY_SEGOP:
		return "denied category";
	default:
		break;
	}
	switch (in->zi.mnemonic) {
	case ZYDIS_MNEMONIC_SYSCALL: case ZYDIS_MNEMONIC_SYSENTER:
	case ZYDIS_MNEMONIC_SYSEXIT: case ZYDIS_MNEMONIC_SYSRET:
	case ZYDIS_MNEMONIC_INT: case ZYDIS_MNEMONIC_INT1:
	case ZYDIS_MNEMONIC_INTO: case ZYDIS_MNEMONIC_IRET:
	case ZYDIS_MNEMONIC_IRETD: case ZYDIS_MNEMONIC_IRETQ:
	case ZYDIS_MNEMONIC_RET:
	case ZYDIS_MNEMONIC_POPF: case ZYDIS_MNEMONIC_POPFD:
	case ZYDIS_MNEMONIC_POPFQ: case ZYDIS_MNEMONIC_XLAT:
	case ZYDIS_MNEMONIC_RDFSBASE: case ZYDIS_MNEMONIC_RDGSBASE:
	case ZYDIS_MNEMONIC_WRFSBASE: case ZYDIS_MNEMONIC_WRGSBASE:
	case ZYDIS_MNEMONIC_SWAPGS: case ZYDIS_MNEMONIC_WRPKRU:
	case ZYDIS_MNEMONIC_XSAVE: case ZYDIS_MNEMONIC_XSAVE64:
	case ZYDIS_MNEMONIC_XSAVEC: case ZYDIS_MNEMONIC_XSAVEC64:
	case ZYDIS_MNEMONIC_XSAVEOPT: case ZYDIS_MNEMONIC_XSAVEOPT64:
	case ZYDIS_MNEMONIC_XSAVES: case ZYDIS_MNEMONIC_XSAVES64:
	case ZYDIS_MNEMONIC_XRSTOR: case ZYDIS_MNEMONIC_XRSTOR64:
	case ZYDIS_MNEMONIC_XRSTORS: case ZYDIS_MNEMONIC_XRSTORS64:
	case ZYDIS_MNEMONIC_MASKMOVQ: case ZYDIS_MNEMONIC_MASKMOVDQU:
	case ZYDIS_MNEMONIC_VMASKMOVDQU: case ZYDIS_MNEMONIC_CLZERO:
	case ZYDIS_MNEMONIC_MOVDIRI: case ZYDIS_MNEMONIC_MOVDIR64B:
	case ZYDIS_MNEMONIC_ENQCMD: case ZYDIS_MNEMONIC_ENQCMDS:
	case ZYDIS_MNEMONIC_MONITOR: case ZYDIS_MNEMONIC_MONITORX:
	case ZYDIS_MNEMONIC_MWAIT: case ZYDIS_MNEMONIC_MWAITX:
	case ZYDIS_MNEMONIC_UMONITOR: case ZYDIS_MNEMONIC_UMWAIT:
	case ZYDIS_MNEMONIC_TPAUSE: case ZYDIS_MNEMONIC_ENDBR64:
	case ZYDIS_MNEMONIC_ENDBR32: case ZYDIS_MNEMONIC_RDSSPD:
	case ZYDIS_MNEMONIC_RDSSPQ: case ZYDIS_MNEMONIC_INCSSPD:
	case ZYDIS_MNEMONIC_INCSSPQ: case ZYDIS_MNEMONIC_XBEGIN:
	case ZYDIS_MNEMONIC_SGDT: case ZYDIS_MNEMONIC_SIDT:
	case ZYDIS_MNEMONIC_SLDT: case ZYDIS_MNEMONIC_SMSW:
	case ZYDIS_MNEMONIC_STR: case ZYDIS_MNEMONIC_CLI:
	case ZYDIS_MNEMONIC_STI: case ZYDIS_MNEMONIC_ENTER:
	case ZYDIS_MNEMONIC_LEAVE:
		return "denied mnemonic";
	default:
		break;
	}
	if (in->zi.meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)
		return "far branch";
	if (segment_prefixes(in) > 1)
		return "more than one segment prefix";
	return NULL;
}

/* Mark offsets [first+1, last] of a macroinstruction as its interior. */
static void mark_interior(const struct dinsn *b, int first, int last,
			  uint8_t *interior)
{
	for (int k = first + 1; k <= last; k++)
		interior[b[k].off] = 1;
}

/*
 * Interiors of the macroinstructions of an accepted bundle, found from their
 * last (or characteristic) instruction; a direct branch must not target
 * one (h). Only parts whose role is unambiguous in accepted code are marked.
 */
static void mark_macro_interiors(const struct dinsn *b, int n,
				 uint8_t *interior)
{
	for (int i = 0; i < n; i++) {
		int first;

		if (is_masked_branch(b, i)) {	/* M1, M2 */
			first = i - 1;
			while (b[first].zi.mnemonic == ZYDIS_MNEMONIC_NOP)
				first--;
			mark_interior(b, first - 1, i, interior);
		}
		if (is_m3_jump(b, i, -1)) {	/* M3, and M7 around it */
			first = i - 1;
			if (i >= 2 && fz_is_fp_control_write(b[i - 2].zi.mnemonic) &&
			    is_m3_jump(b, i, 32))
				first = i - 2;
			mark_interior(b, first, i, interior);
		}
		if (is_rebase(&b[i], ZYDIS_REGISTER_RSP) && i >= 1 &&
		    is_m4_first(b, n, i - 1))	/* M4 */
			mark_interior(b, i - 1, i, interior);
		if (m5_string_at(b, i, &first)) {	/* M5, M6 */
			if (first >= 1 && b[first - 1].zi.mnemonic ==
					ZYDIS_MNEMONIC_STD &&
			    i + 1 < n && b[i + 1].zi.mnemonic == ZYDIS_MNEMONIC_CLD)
				mark_interior(b, first - 1, i + 1, interior);
			else
				mark_interior(b, first, i, interior);
		}
	}
}

static void check_bundle(const struct dinsn *b, int n)
{
	for (int i = 0; i < n; i++) {
		const struct dinsn *in = &b[i];
		const ZydisDecodedInstruction *zi = &in->zi;
		const char *why = denied(in);
		int exempt_memory;

		/* i */
		if (why)
			insn_violation("i", in, why);
		if (zi->mnemonic == ZYDIS_MNEMONIC_STD) {
			/* std must open an M6: a string op then cld follow */
			int k = i + 1;

			while (k < n && b[k].zi.meta.category !=
					ZYDIS_CATEGORY_STRINGOP)
				k++;
			if (k + 1 >= n || !is_m5_string(b, k) ||
			    b[k + 1].zi.mnemonic != ZYDIS_MNEMONIC_CLD)
				insn_violation("i", in, "std outside M6");
		}
		if (fz_is_fp_control_write(zi->mnemonic) &&
		    !(i + 2 < n && is_m3_jump(b, i + 2, 32)))
			insn_violation("i", in, "FP-control write outside M7");
		if (zi->meta.category == ZYDIS_CATEGORY_STRINGOP &&
		    !is_m5_string(b, i))
			insn_violation("i", in, "string instruction outside M5");

		/* g, h (targets are checked after the walk) */
		if (fz_is_branch(in)) {
			if (has_prefix(in, 0x66))
				insn_violation("g", in, "branch with 0x66");
			if (!fz_is_direct_branch(in) && !is_masked_branch(b, i) &&
			    !is_m3_jump(b, i, -1))
				insn_violation("g", in, "indirect branch outside "
					       "M1/M2/M3");
		}

		/* e, f */
		for (int k = 0; k < zi->operand_count; k++) {
			const ZydisDecodedOperand *op = &in->ops[k];
			ZydisRegister r;

			if (op->type != ZYDIS_OPERAND_TYPE_REGISTER ||
			    !(op->actions & ZYDIS_OPERAND_ACTION_MASK_WRITE))
				continue;
			r = r64(op->reg.value);
			if (r == ZYDIS_REGISTER_R14)
				insn_violation("e", in, "writes %r14");
			if (r == ZYDIS_REGISTER_RSP &&
			    !moves_rsp_implicitly(in, op) &&
			    !is_m4_first(b, n, i) &&
			    !(i >= 1 && is_rebase(in, ZYDIS_REGISTER_RSP) &&
			      is_m4_first(b, n, i - 1)))
				insn_violation("f", in, "writes %rsp outside "
					       "push/pop/call/M4");
		}

		/* d: bit tests with a far bit offset */
		if ((zi->mnemonic == ZYDIS_MNEMONIC_BT ||
		     zi->mnemonic == ZYDIS_MNEMONIC_BTS ||
		     zi->mnemonic == ZYDIS_MNEMONIC_BTR ||
		     zi->mnemonic == ZYDIS_MNEMONIC_BTC) &&
		    in->ops[0].type == ZYDIS_OPERAND_TYPE_MEMORY &&
		    in->ops[1].type == ZYDIS_OPERAND_TYPE_REGISTER &&
		    rclass(in->ops[1].reg.value) == ZYDIS_REGCLASS_GPR64)
			insn_violation("d", in, "bit test on memory with a 64-bit "
				       "bit offset");

		/* d: memory operands */
		exempt_memory = zi->mnemonic == ZYDIS_MNEMONIC_LEA ||
				is_wide_nop(in) || is_m3_jump(b, i, -1);
		for (int k = 0; k < zi->operand_count && !exempt_memory; k++) {
			const ZydisDecodedOperand *op = &in->ops[k];

			if (op->type != ZYDIS_OPERAND_TYPE_MEMORY)
				continue;
			if (op->visibility == ZYDIS_OPERAND_VISIBILITY_HIDDEN &&
			    zi->meta.category == ZYDIS_CATEGORY_STRINGOP &&
			    is_m5_string(b, i))
				continue;
			check_memory_operand(b, i, op);
		}
	}
}

/* ---- the walk over an accepted buffer ---------------------------------- */

static void check_accepted(const uint8_t *data, size_t size)
{
	static struct dinsn bundle[LFI_BUNDLE_SIZE];
	uint8_t *starts = calloc(size + 1, 1);
	uint8_t *interior = calloc(size + 1, 1);
	uint64_t *targets = calloc(size + 1, sizeof *targets);
	uint64_t *sources = calloc(size + 1, sizeof *sources);
	size_t ntargets = 0;

	if (!starts || !interior || !targets || !sources)
		abort();
	for (size_t off = 0; off < size; off += LFI_BUNDLE_SIZE) {
		size_t pos = off, end = off + LFI_BUNDLE_SIZE;
		int n = 0;

		while (pos < end && pos < size) {
			struct dinsn *in = &bundle[n];

			memset(in, 0, sizeof *in);
			in->off = pos;
			if (ZYAN_FAILED(ZydisDecoderDecodeFull(
				    &intel, data + pos, size - pos, &in->zi,
				    in->ops)))
				violation("a", "accepted buffer does not decode "
					  "at offset 0x%zx", pos);
			if (pos + in->zi.length > end)
				insn_violation("d", in, "crosses a bundle "
					       "boundary");
			check_amd(in, data + pos, size - pos);
			starts[pos] = 1;
			if (fz_is_branch(in) && fz_is_direct_branch(in)) {
				targets[ntargets] = pos + in->zi.length +
						    in->ops[0].imm.value.u;
				sources[ntargets++] = pos;
			}
			pos += in->zi.length;
			n++;
		}
		check_bundle(bundle, n);
		mark_macro_interiors(bundle, n, interior);
	}
	/* h */
	for (size_t t = 0; t < ntargets; t++)
		if (targets[t] >= size || !starts[targets[t]])
			violation("h", "accepted direct branch at offset 0x%llx "
				  "targets offset 0x%llx, not an instruction "
				  "start in the buffer",
				  (unsigned long long)sources[t],
				  (unsigned long long)targets[t]);
		else if (interior[targets[t]])
			violation("h", "accepted direct branch at offset 0x%llx "
				  "targets offset 0x%llx, inside a "
				  "macroinstruction",
				  (unsigned long long)sources[t],
				  (unsigned long long)targets[t]);
	free(starts);
	free(interior);
	free(targets);
	free(sources);
}

/* ---- entry point -------------------------------------------------------- */

static uint64_t hash(const uint8_t *data, size_t size)
{
	uint64_t h = 0xcbf29ce484222325ull;	/* FNV-1a */

	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 0x100000001b3ull;
	return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errors all, first;
	long n_all, n_first;

	if (!verifier)
		LLVMFuzzerInitialize(NULL, NULL);
	cur_data = data;
	cur_size = size;

	n_all = run_verifier(data, size, BASE_ADDRESS, 1, &all);
	n_first = run_verifier(data, size, BASE_ADDRESS, 0, &first);

	/* j */
	{
		struct errors full;
		long n_full;

		lfi_verifier_check_all_operands(verifier, 1);
		n_full = run_verifier(data, size, BASE_ADDRESS, 1, &full);
		lfi_verifier_check_all_operands(verifier, 0);
		if (n_full != n_all || full.digest != all.digest)
			violation("j", "fast path changes the verdict: %ld errors "
				  "(first %s at 0x%llx), with every operand "
				  "checked %ld (first %s at 0x%llx)", n_all,
				  n_all ? lfi_reason_name(all.first.reason) : "-",
				  (unsigned long long)all.first.address, n_full,
				  n_full ? lfi_reason_name(full.first.reason) : "-",
				  (unsigned long long)full.first.address);
	}

	/* c */
	if ((n_all == 0) != (n_first == 0))
		violation("c", "collect-all returned %ld errors, stop-at-first "
			  "%ld", n_all, n_first);
	if (n_first != 0 && n_first != 1)
		violation("c", "stop-at-first mode reported %ld errors",
			  n_first);
	if (n_first == 1 &&
	    (first.first.address != all.first.address ||
	     first.first.reason != all.first.reason))
		violation("c", "first error differs: stop-at-first 0x%llx %s, "
			  "collect-all 0x%llx %s",
			  (unsigned long long)first.first.address,
			  lfi_reason_name(first.first.reason),
			  (unsigned long long)all.first.address,
			  lfi_reason_name(all.first.reason));
	if (n_all != 0)
		return 0;

	/* b */
	{
		uint64_t k = hash(data, size) % 65536;
		uint64_t address = ALT_ADDRESS + LFI_BUNDLE_SIZE * k;
		struct errors alt;

		if (run_verifier(data, size, address, 1, &alt) != 0)
			violation("b", "accepted at 0x%llx but rejected at "
				  "0x%llx: %s at 0x%llx (`%s` %s)",
				  BASE_ADDRESS, (unsigned long long)address,
				  lfi_reason_name(alt.first.reason),
				  (unsigned long long)alt.first.address,
				  alt.first.insn, alt.first.detail);
	}

	/* a, d-i */
	check_accepted(data, size);
	return 0;
}
