/* decode.c - Zydis behind the interface of decode.h. */
#include <stdio.h>
#include <string.h>
#include "decode.h"

int decoder_init(struct decoder *d)
{
	if (ZYAN_FAILED(ZydisDecoderInit(&d->intel, ZYDIS_MACHINE_MODE_LONG_64,
					 ZYDIS_STACK_WIDTH_64)))
		return -1;
	d->amd = d->intel;
	if (ZYAN_FAILED(ZydisDecoderEnableMode(&d->amd,
					       ZYDIS_DECODER_MODE_AMD_BRANCHES,
					       ZYAN_TRUE)))
		return -1;
	if (ZYAN_FAILED(ZydisFormatterInit(&d->att, ZYDIS_FORMATTER_STYLE_ATT)))
		return -1;
	return 0;
}

int decode_insn(const struct decoder *d, const uint8_t *bytes, size_t avail,
		uint64_t address, struct insn *in)
{
	ZyanStatus status;

	in->address = address;
	in->bytes = bytes;
	in->ops_decoded = 0;
	in->amd_decoded = 0;
	in->roles = 0;
	status = ZydisDecoderDecodeInstruction(&d->intel, &in->ctx, bytes, avail,
					       &in->zi);
	if (status == ZYDIS_STATUS_NO_MORE_DATA)
		return DECODE_TRUNCATED;
	return ZYAN_SUCCESS(status) ? DECODE_OK : DECODE_INVALID;
}

const ZydisDecodedOperand *insn_operands(const struct decoder *d,
					 struct insn *in)
{
	if (!in->ops_decoded) {
		memset(in->ops, 0, sizeof in->ops);
		if (ZYAN_FAILED(ZydisDecoderDecodeOperands(&d->intel, &in->ctx,
							   &in->zi, in->ops,
							   in->zi.operand_count)))
			return NULL;
		in->ops_decoded = 1;
	}
	return in->ops;
}

/* Operands are equal when they describe the same access; Zydis' operand
 * `encoding` names the table entry, which differs between modes even when
 * the meaning does not, so it is left out. */
static int same_operand(const ZydisDecodedOperand *a,
			const ZydisDecodedOperand *b)
{
	if (a->id != b->id || a->visibility != b->visibility ||
	    a->actions != b->actions || a->type != b->type ||
	    a->size != b->size || a->element_type != b->element_type ||
	    a->element_size != b->element_size ||
	    a->element_count != b->element_count ||
	    a->attributes != b->attributes)
		return 0;
	switch (a->type) {
	case ZYDIS_OPERAND_TYPE_REGISTER:
		return a->reg.value == b->reg.value;
	case ZYDIS_OPERAND_TYPE_MEMORY:
		return a->mem.type == b->mem.type &&
		       a->mem.segment == b->mem.segment &&
		       a->mem.base == b->mem.base &&
		       a->mem.index == b->mem.index &&
		       a->mem.scale == b->mem.scale &&
		       a->mem.disp.has_displacement ==
			       b->mem.disp.has_displacement &&
		       a->mem.disp.value == b->mem.disp.value;
	case ZYDIS_OPERAND_TYPE_POINTER:
		return a->ptr.segment == b->ptr.segment &&
		       a->ptr.offset == b->ptr.offset;
	case ZYDIS_OPERAND_TYPE_IMMEDIATE:
		return a->imm.is_signed == b->imm.is_signed &&
		       a->imm.is_relative == b->imm.is_relative &&
		       a->imm.value.u == b->imm.value.u;
	default:
		return 1;
	}
}

/* Same length, same instruction, same operands in AMD branch mode? */
int decodes_same_on_amd(const struct decoder *d, struct insn *in)
{
	ZydisDecodedInstruction amd;
	ZydisDecodedOperand amd_ops[ZYDIS_MAX_OPERAND_COUNT];
	const ZydisDecodedOperand *ops;

	in->amd_decoded = 1;
	if (ZYAN_FAILED(ZydisDecoderDecodeFull(&d->amd, in->bytes,
					       in->zi.length, &amd, amd_ops)))
		return 0;
	if (amd.length != in->zi.length || amd.mnemonic != in->zi.mnemonic ||
	    amd.operand_width != in->zi.operand_width ||
	    amd.address_width != in->zi.address_width ||
	    amd.operand_count != in->zi.operand_count ||
	    amd.meta.branch_type != in->zi.meta.branch_type ||
	    amd.meta.category != in->zi.meta.category ||
	    amd.meta.isa_set != in->zi.meta.isa_set ||
	    amd.attributes != in->zi.attributes)
		return 0;
	ops = insn_operands(d, in);
	if (!ops)
		return 0;
	for (int i = 0; i < amd.operand_count; i++)
		if (!same_operand(&ops[i], &amd_ops[i]))
			return 0;
	return 1;
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
