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
		if (ZYAN_FAILED(ZydisDecoderDecodeOperands(&d->intel, &in->ctx,
							   &in->zi, in->ops,
							   in->zi.operand_count)))
			return NULL;
		in->ops_decoded = 1;
	}
	return in->ops;
}

/*
 * Same instruction in AMD branch mode: the mode changes the effective
 * operand size of near branches, hence their length, immediate and
 * operand width; everything that could follow from it is compared.
 */
int decodes_same_on_amd(const struct decoder *d, struct insn *in)
{
	ZydisDecodedInstruction amd;
	const ZydisDecodedInstruction *zi = &in->zi;

	in->amd_decoded = 1;
	if (ZYAN_FAILED(ZydisDecoderDecodeInstruction(&d->amd, NULL, in->bytes,
						      zi->length, &amd)))
		return 0;
	return amd.length == zi->length && amd.mnemonic == zi->mnemonic &&
	       amd.operand_width == zi->operand_width &&
	       amd.address_width == zi->address_width &&
	       amd.operand_count == zi->operand_count &&
	       amd.operand_count_visible == zi->operand_count_visible &&
	       amd.meta.branch_type == zi->meta.branch_type &&
	       amd.meta.category == zi->meta.category &&
	       amd.meta.isa_set == zi->meta.isa_set &&
	       amd.attributes == zi->attributes &&
	       amd.raw.imm[0].size == zi->raw.imm[0].size &&
	       amd.raw.imm[0].value.u == zi->raw.imm[0].value.u &&
	       amd.raw.imm[1].size == zi->raw.imm[1].size &&
	       amd.raw.imm[1].value.u == zi->raw.imm[1].value.u &&
	       amd.raw.disp.size == zi->raw.disp.size &&
	       amd.raw.disp.value == zi->raw.disp.value;
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
