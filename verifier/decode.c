/* decode.c - Zydis behind the interface of decode.h. */
#include <stdio.h>
#include <string.h>
#include "decode.h"

int decoder_init(struct decoder *d)
{
	if (ZYAN_FAILED(ZydisDecoderInit(&d->intel, ZYDIS_MACHINE_MODE_LONG_64,
					 ZYDIS_STACK_WIDTH_64)))
		return -1;
	if (ZYAN_FAILED(ZydisFormatterInit(&d->att, ZYDIS_FORMATTER_STYLE_ATT)))
		return -1;
	return 0;
}

static void count_prefixes(struct insn *in)
{
	in->segment_prefixes = in->gs_prefix = in->osize_prefix = 0;
	in->rep_prefixes = 0;
	for (int i = 0; i < in->zi.raw.prefix_count; i++) {
		switch (in->zi.raw.prefixes[i].value) {
		case 0x65:
			in->gs_prefix = 1;
			/* fall through */
		case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64:
			in->segment_prefixes++;
			break;
		case 0x66:
			in->osize_prefix = 1;
			break;
		case 0xf2: case 0xf3:
			in->rep_prefixes++;
			break;
		}
	}
}

int decode_insn(const struct decoder *d, const uint8_t *bytes, size_t avail,
		uint64_t address, struct insn *in)
{
	ZyanStatus status;

	in->address = address;
	in->bytes = bytes;
	in->ops_decoded = 0;
	in->roles = 0;
	status = ZydisDecoderDecodeInstruction(&d->intel, &in->ctx, bytes, avail,
					       &in->zi);
	if (status == ZYDIS_STATUS_NO_MORE_DATA)
		return DECODE_TRUNCATED;
	if (!ZYAN_SUCCESS(status))
		return DECODE_INVALID;
	count_prefixes(in);
	return DECODE_OK;
}

static const ZydisDecodedOperand *decode_operands(const struct decoder *d,
						   struct insn *in, int count)
{
	if (in->ops_decoded < count) {
		if (ZYAN_FAILED(ZydisDecoderDecodeOperands(&d->intel, &in->ctx,
							   &in->zi, in->ops,
							   (ZyanU8)count)))
			return NULL;
		in->ops_decoded = count;
	}
	return in->ops;
}

const ZydisDecodedOperand *insn_operands(const struct decoder *d,
					 struct insn *in)
{
	return decode_operands(d, in, in->zi.operand_count);
}

const ZydisDecodedOperand *insn_visible_operands(const struct decoder *d,
						 struct insn *in)
{
	return decode_operands(d, in, in->zi.operand_count_visible);
}

/*
 * Zydis records in the decoder context which register each ModRM/VEX
 * field encodes (-1: the field is not a register operand); the register
 * in an opcode's low bits (push, pop, mov $imm, xchg, bswap) is not
 * recorded, so it is assumed wherever there is no ModRM byte.
 */
int insn_names_register(const struct insn *in, int num)
{
	const ZydisDecodedInstruction *zi = &in->zi;
	int b = zi->raw.rex.B;

	if (in->ctx.reg_info.id_reg == num || in->ctx.reg_info.id_rm == num ||
	    in->ctx.reg_info.id_ndsndd == num)
		return 1;
	if (zi->attributes & ZYDIS_ATTRIB_HAS_MODRM)
		return 0;
	return ((zi->opcode & 7) | b << 3) == num;
}

void format_insn(const struct decoder *d, struct insn *in, char *buf,
		 size_t size)
{
	const ZydisDecodedOperand *ops = insn_operands(d, in);

	if (!ops || ZYAN_FAILED(ZydisFormatterFormatInstruction(
			    &d->att, &in->zi, in->ops,
			    in->zi.operand_count_visible, buf, size,
			    in->address, NULL)))
		snprintf(buf, size, "(unformattable)");
}
