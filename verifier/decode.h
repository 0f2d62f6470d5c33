/*
 * decode.h - the verifier's only view of the x86 decoder (Zydis 4).
 *
 * Rules never call Zydis' decoding functions directly: they see a decoded
 * `struct insn` and ask for its operands with insn_operands(), which decodes
 * them on first use. A faster decoder can replace this file and decode.c as
 * long as it fills the same fields.
 */
#ifndef LFI_DECODE_H
#define LFI_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <Zydis/Zydis.h>

struct decoder {
	ZydisDecoder intel;	/* Zydis' default: Intel branch semantics */
	ZydisFormatter att;
};

struct insn {
	ZydisDecodedInstruction zi;
	ZydisDecoderContext ctx;
	ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
	uint64_t address;
	const uint8_t *bytes;
	int ops_decoded;	/* operands decoded: 0, the visible ones, or all */
	uint8_t segment_prefixes;	/* count of 26 2e 36 3e 64 65 bytes */
	uint8_t gs_prefix;		/* a 65 byte is among them */
	uint8_t osize_prefix;		/* a 66 byte is among the prefixes */
	uint8_t rep_prefixes;		/* count of f2 f3 bytes */
	unsigned roles;		/* ROLE_* parts this instruction plays */
};

int decoder_init(struct decoder *d);

/*
 * Decode one instruction from at most `avail` bytes: DECODE_OK, or
 * DECODE_TRUNCATED when the bytes end inside an instruction, or
 * DECODE_INVALID.
 */
enum { DECODE_OK, DECODE_TRUNCATED, DECODE_INVALID };
int decode_insn(const struct decoder *d, const uint8_t *bytes, size_t avail,
		uint64_t address, struct insn *in);

/* All operands, visible and hidden, decoded on first call. */
const ZydisDecodedOperand *insn_operands(const struct decoder *d,
					 struct insn *in);

/* At least the visible operands (cheaper: hidden ones are not computed). */
const ZydisDecodedOperand *insn_visible_operands(const struct decoder *d,
						 struct insn *in);

/*
 * Could the instruction's encoding name general register number `num`
 * (0-15, %rax..%r15, or the byte register in that slot) as a register
 * operand, through ModRM.reg, ModRM.rm, VEX.vvvv or the opcode's low bits?
 * Answers from what the decoder found the fields to mean; for instructions
 * without ModRM the opcode's low bits always count, so it over-approximates.
 */
int insn_names_register(const struct insn *in, int num);

/* AT&T text of the instruction into buf. */
void format_insn(const struct decoder *d, struct insn *in, char *buf,
		 size_t size);

#endif
