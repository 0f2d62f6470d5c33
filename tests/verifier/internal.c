/*
 * Tests of the verifier's internal functions.
 *
 * 1. The verifier skips decoding operands when operands_need_check() says
 * their checks cannot fail. This test makes that claim fail loudly if it
 * is wrong for any encoding: it walks every legacy opcode (one-byte, 0f,
 * 0f38, 0f3a maps) under common prefixes and every REX, and the VEX space
 * with register fields covering %rsp/%r14 and their neighbours, and for
 * each instruction that passes the cheap checks and is marked "no operand
 * check needed", runs the operand checks anyway: they must pass.
 *
 * 2. Zydis' AMD branch mode decodes differently only branches carrying
 * 0x66, which V1 rejects: every other encoding decodes the same, operand
 * by operand, in both modes (so the verifier need not decode twice); and
 * the comparison does see the difference where there is one.
 */
#include <stdio.h>
#include <string.h>
#include "rules.h"

struct count {
	unsigned long decoded, skipped, unsound, amd_differs;
};

static ZydisDecoder amd_decoder;

static int same_operand(const ZydisDecodedOperand *a, const ZydisDecodedOperand *b)
{
	if (a->type != b->type || a->size != b->size || a->visibility != b->visibility ||
	    a->actions != b->actions || a->element_count != b->element_count)
		return 0;
	switch (a->type) {
	case ZYDIS_OPERAND_TYPE_REGISTER:
		return a->reg.value == b->reg.value;
	case ZYDIS_OPERAND_TYPE_MEMORY:
		return a->mem.type == b->mem.type && a->mem.segment == b->mem.segment &&
		       a->mem.base == b->mem.base && a->mem.index == b->mem.index &&
		       a->mem.scale == b->mem.scale && a->mem.disp.value == b->mem.disp.value;
	case ZYDIS_OPERAND_TYPE_IMMEDIATE:
		return a->imm.value.u == b->imm.value.u;
	case ZYDIS_OPERAND_TYPE_POINTER:
		return a->ptr.segment == b->ptr.segment && a->ptr.offset == b->ptr.offset;
	default:
		return 1;
	}
}

/* 1: same length, mnemonic and operands in both modes; 0: not; -1: invalid. */
static int same_on_amd(const struct decoder *d, const uint8_t *bytes, size_t n)
{
	ZydisDecodedInstruction x, y;
	ZydisDecodedOperand ox[ZYDIS_MAX_OPERAND_COUNT], oy[ZYDIS_MAX_OPERAND_COUNT];
	int same;

	if (ZYAN_FAILED(ZydisDecoderDecodeFull(&d->intel, bytes, n, &x, ox)))
		return -1;
	same = ZYAN_SUCCESS(ZydisDecoderDecodeFull(&amd_decoder, bytes, n, &y, oy)) &&
	       x.length == y.length && x.mnemonic == y.mnemonic &&
	       x.operand_width == y.operand_width && x.operand_count == y.operand_count;
	for (int i = 0; same && i < x.operand_count; i++)
		same = same_operand(&ox[i], &oy[i]);
	return same;
}

/* Anything V1 does not reject must decode identically on AMD. */
static void compare_amd(const struct decoder *d, const struct insn *in,
			const uint8_t *bytes, size_t n, struct count *c)
{
	if (is_branch(in) && in->osize_prefix)
		return;
	if (same_on_amd(d, bytes, n) == 0 && c->amd_differs++ < 20)
		printf("AMD decodes differently: %s (%02x %02x %02x %02x)\n",
		       ZydisMnemonicGetString(in->zi.mnemonic), bytes[0],
		       bytes[1], bytes[2], bytes[3]);
}

static void try(const struct decoder *d, const uint8_t *bytes, size_t n,
		struct count *c, int *has_modrm)
{
	struct insn in;
	struct verdict v;
	char text[128];

	*has_modrm = 1;
	if (decode_insn(d, bytes, n, 0, &in) != DECODE_OK)
		return;
	c->decoded++;
	*has_modrm = (in.zi.attributes & ZYDIS_ATTRIB_HAS_MODRM) != 0;
	compare_amd(d, &in, bytes, n, c);
	if (!check_encoding(&in, &v) || !check_instruction_set(&in, &v) ||
	    !check_roles(&in, &v) || operands_need_check(&in))
		return;
	c->skipped++;
	if (check_operands(d, &in, &v))
		return;
	if (c->unsound++ < 20) {
		format_insn(d, &in, text, sizeof text);
		printf("unsound skip: `%s` (%s):", text, lfi_reason_name(v.reason));
		for (int i = 0; i < in.zi.length; i++)
			printf(" %02x", bytes[i]);
		printf("\n");
	}
}

/* prefix bytes, then opcode map escape, opcode, ModRM, zero filler */
static void legacy(const struct decoder *d, struct count *c)
{
	static const char *prefixes[] = { "", "\x66", "\xf2", "\xf3", "\x67",
					  "\x65", "\x66\x67", "\x65\x67" };
	static const char *maps[] = { "", "\x0f", "\x0f\x38", "\x0f\x3a" };

	for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++)
	for (int rex = 0x3f; rex <= 0x4f; rex++)
	for (size_t m = 0; m < 4; m++)
	for (int op = 0; op < 256; op++)
	for (int modrm = 0; modrm < 256; modrm++) {
		uint8_t buf[32] = { 0 };
		size_t n = strlen(prefixes[p]);
		int has_modrm;

		memcpy(buf, prefixes[p], n);
		if (rex >= 0x40)
			buf[n++] = (uint8_t)rex;
		memcpy(buf + n, maps[m], strlen(maps[m]));
		n += strlen(maps[m]);
		buf[n++] = (uint8_t)op;
		buf[n] = (uint8_t)modrm;
		buf[n + 1] = 0x24;	/* SIB: base %esp/%rsp, no index */
		try(d, buf, sizeof buf, c, &has_modrm);
		if (!has_modrm)
			break;
	}
}

/*
 * Three-byte VEX: every opcode in maps 1-3, both R and B, vvvv naming 0,
 * 4, 6, 12, 14, after the prefix bytes `pre`. ModRM: every register form,
 * or (memory) every ModRM.reg with a base, a SIB (%esp) or a disp32 form.
 */
static void vex3(const struct decoder *d, struct count *c, const char *pre,
		 int memory)
{
	static const int vvvv_inverted[] = { 15, 11, 9, 3, 1 };
	size_t n = strlen(pre);

	for (int rb = 0; rb < 4; rb++)
	for (int map = 1; map <= 3; map++)
	for (int w = 0; w < 2; w++)
	for (int lpp = 0; lpp < 8; lpp++)
	for (size_t v = 0; v < 5; v++)
	for (int op = 0; op < 256; op++)
	for (int modrm = memory ? 0 : 0xc0; modrm < (memory ? 64 : 256); modrm++) {
		uint8_t buf[32] = { 0 };
		int has_modrm;

		if (memory && (modrm & 7) != 0 && (modrm & 7) != 4 &&
		    (modrm & 7) != 5)
			continue;
		memcpy(buf, pre, n);
		buf[n] = 0xc4;
		buf[n + 1] = (uint8_t)(((rb & 2) << 6) | 0x40 | ((rb & 1) << 5) | map);
		buf[n + 2] = (uint8_t)((w << 7) | (vvvv_inverted[v] << 3) | lpp);
		buf[n + 3] = (uint8_t)op;
		buf[n + 4] = (uint8_t)modrm;
		buf[n + 5] = 0x24;	/* SIB: base %esp, no index */
		try(d, buf, sizeof buf, c, &has_modrm);
		if (!has_modrm)
			break;
	}
}

/* Two-byte VEX: map 1, W = 0, X = B = 0. */
static void vex2(const struct decoder *d, struct count *c)
{
	static const int vvvv_inverted[] = { 15, 11, 9, 3, 1 };

	for (int r = 0; r < 2; r++)
	for (int lpp = 0; lpp < 8; lpp++)
	for (size_t v = 0; v < 5; v++)
	for (int op = 0; op < 256; op++)
	for (int modrm = 0xc0; modrm < 256; modrm++) {
		uint8_t buf[32] = { 0xc5 };
		int has_modrm;

		buf[1] = (uint8_t)((r << 7) | (vvvv_inverted[v] << 3) | lpp);
		buf[2] = (uint8_t)op;
		buf[3] = (uint8_t)modrm;
		try(d, buf, sizeof buf, c, &has_modrm);
		if (!has_modrm)
			break;
	}
}

static int test_amd_mode(const struct decoder *d)
{
	static const struct {
		const char *bytes;
		size_t n;
		int same;
	} cases[] = {
		{ "\x66\x0f\x84\x00\x00\x00\x00", 7, 0 },	/* jz rel32 / rel16 */
		{ "\x66\xe9\x00\x00\x00\x00", 6, 0 },		/* jmp rel32 / rel16 */
		{ "\x66\xe8\x00\x00\x00\x00", 6, 0 },		/* call */
		{ "\x66\x90", 2, 1 },					/* xchg %ax,%ax */
		{ "\x66\x0f\xef\xc0", 4, 1 },			/* pxor */
		{ "\x66\x2e\x0f\x1f\x84\x00\x00\x00\x00\x00", 10, 1 },
		{ "\x66\x89\xc8", 3, 1 },				/* mov %cx,%ax */
	};
	int failed = 0;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int got = same_on_amd(d, (const uint8_t *)cases[i].bytes,
				      cases[i].n);

		if (got != cases[i].same) {
			printf("FAIL: verifier-amd-mode: case %zu: got %d\n", i, got);
			failed = 1;
		}
	}
	if (!failed)
		puts("PASS: verifier-amd-mode");
	return failed;
}

int main(void)
{
	struct decoder d;
	struct count c = { 0 };

	if (decoder_init(&d) != 0 ||
	    ZYAN_FAILED(ZydisDecoderInit(&amd_decoder, ZYDIS_MACHINE_MODE_LONG_64,
					 ZYDIS_STACK_WIDTH_64)) ||
	    ZYAN_FAILED(ZydisDecoderEnableMode(&amd_decoder,
					       ZYDIS_DECODER_MODE_AMD_BRANCHES,
					       ZYAN_TRUE))) {
		puts("FAIL: verifier-fast-path: decoder");
		return 1;
	}
	if (test_amd_mode(&d))
		c.unsound++;	/* fail the exit status too */
	legacy(&d, &c);
	vex3(&d, &c, "", 0);
	vex2(&d, &c);
	vex3(&d, &c, "\x65\x67", 1);	/* %gs: with 32-bit addressing */
	if (c.amd_differs)
		printf("FAIL: verifier-amd-same-decoding: %lu encodings V1 accepts "
		       "decode differently in AMD mode\n", c.amd_differs);
	else
		printf("PASS: verifier-amd-same-decoding (%lu encodings)\n", c.decoded);
	if (c.unsound || c.skipped == 0)
		printf("FAIL: verifier-fast-path: %lu of %lu skipped encodings "
		       "fail the operand checks\n", c.unsound, c.skipped);
	else
		printf("PASS: verifier-fast-path (%lu encodings decoded, %lu "
		       "skip operand checks, all sound)\n", c.decoded, c.skipped);
	return c.unsound != 0 || c.amd_differs != 0;
}
