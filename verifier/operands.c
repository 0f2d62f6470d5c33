/*
 * operands.c - V3 (memory operands), V4 (%r14), V5 (%rsp), and the V6/V7
 * checks that depend on the role an instruction plays in a macroinstruction.
 */
#include "rules.h"

static int is_gpr32(ZydisRegister r)
{
	return ZydisRegisterGetClass(r) == ZYDIS_REGCLASS_GPR32;
}

/* The multi-byte NOP 0f 1f /0: names memory, never accesses it. */
static int is_padding_nop(const struct insn *in)
{
	const ZydisDecodedInstruction *zi = &in->zi;

	return zi->mnemonic == ZYDIS_MNEMONIC_NOP &&
	       zi->opcode_map == ZYDIS_OPCODE_MAP_0F && zi->opcode == 0x1f &&
	       zi->raw.modrm.reg == 0;
}

/* lea computes an address; the padding NOP names one. Neither accesses it. */
static int names_memory_without_access(const struct insn *in)
{
	return in->zi.mnemonic == ZYDIS_MNEMONIC_LEA || is_padding_nop(in);
}

/* G: %gs:, 32-bit addressing, 32-bit base/index (or %eip) or none. */
static int is_gs_form(const struct insn *in, const ZydisDecodedOperand *op)
{
	const ZydisDecodedOperandMem *m = &op->mem;

	if (op->visibility != ZYDIS_OPERAND_VISIBILITY_EXPLICIT ||
	    m->type != ZYDIS_MEMOP_TYPE_MEM || m->segment != ZYDIS_REGISTER_GS ||
	    in->zi.address_width != 32)
		return 0;
	if (m->base != ZYDIS_REGISTER_NONE && m->base != ZYDIS_REGISTER_EIP &&
	    !is_gpr32(m->base))
		return 0;
	return m->index == ZYDIS_REGISTER_NONE || is_gpr32(m->index);
}

/* S and R: 64-bit %rsp or %rip base, no index, no segment override. */
static int is_stack_or_rip_form(const struct insn *in,
				const ZydisDecodedOperand *op)
{
	const ZydisDecodedOperandMem *m = &op->mem;

	if (m->type != ZYDIS_MEMOP_TYPE_MEM || m->index != ZYDIS_REGISTER_NONE)
		return 0;
	if (op->visibility != ZYDIS_OPERAND_VISIBILITY_EXPLICIT)
		/* push, pop, call: the stack, whatever the prefixes say */
		return m->base == ZYDIS_REGISTER_RSP &&
		       m->segment == ZYDIS_REGISTER_SS;
	if (in->zi.address_width != 64 || in->segment_prefixes != 0)
		return 0;
	return m->base == ZYDIS_REGISTER_RSP || m->base == ZYDIS_REGISTER_RIP;
}

static int memory_operand_ok(const struct insn *in,
			     const ZydisDecodedOperand *op)
{
	if (in->roles & ROLE_RUNTIME_CALL)
		return 1;	/* T: checked whole by the M3 matcher */
	if ((in->roles & ROLE_STRING) &&
	    op->visibility == ZYDIS_OPERAND_VISIBILITY_HIDDEN)
		return 1;	/* M5: %rdi/%rsi rebased by the macro */
	return is_gs_form(in, op) || is_stack_or_rip_form(in, op);
}

/* push, pop and call move %rsp by their operand size and access it. */
static int moves_rsp_implicitly(const struct insn *in,
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

static int check_register_write(const struct insn *in,
				const ZydisDecodedOperand *op,
				struct verdict *v)
{
	ZydisRegister r = reg64(op->reg.value);

	if (r == ZYDIS_REGISTER_R14) {
		*v = (struct verdict){ LFI_WRITES_R14, "" };
		return 0;
	}
	if (r == ZYDIS_REGISTER_RSP && !(in->roles & ROLE_STACK_WRITE) &&
	    !moves_rsp_implicitly(in, op)) {
		*v = (struct verdict){ LFI_WRITES_RSP, "" };
		return 0;
	}
	return 1;
}

int check_roles(const struct insn *in, struct verdict *v)
{
	const ZydisDecodedInstruction *zi = &in->zi;

	if (zi->meta.category == ZYDIS_CATEGORY_STRINGOP &&
	    !(in->roles & ROLE_STRING)) {
		*v = (struct verdict){ LFI_STRING_OP, "" };
		return 0;
	}
	if (zi->mnemonic == ZYDIS_MNEMONIC_STD && !(in->roles & ROLE_STD)) {
		*v = (struct verdict){ LFI_STD, "" };
		return 0;
	}
	if (is_fp_control_write(in) && !(in->roles & ROLE_FP_CONTROL)) {
		*v = (struct verdict){ LFI_FP_CONTROL, "" };
		return 0;
	}
	if (is_branch(in) && !is_direct_branch(in) &&
	    !(in->roles & (ROLE_MASKED_BRANCH | ROLE_RUNTIME_CALL))) {
		*v = (struct verdict){ LFI_INDIRECT_BRANCH, "" };
		return 0;
	}
	return 1;
}

/*
 * Categories whose instructions have no hidden memory operand and write no
 * hidden %rsp, %r14 or segment register: only flags, fixed general
 * registers other than those, and vector registers. Checked over their
 * encodings by tests/verifier/internal.c.
 */
static int plain_category(ZydisInstructionCategory c)
{
	switch (c) {
	case ZYDIS_CATEGORY_BINARY:
	case ZYDIS_CATEGORY_LOGICAL:
	case ZYDIS_CATEGORY_SHIFT:
	case ZYDIS_CATEGORY_ROTATE:
	case ZYDIS_CATEGORY_BITBYTE:
	case ZYDIS_CATEGORY_SETCC:
	case ZYDIS_CATEGORY_CMOV:
	case ZYDIS_CATEGORY_CONVERT:
	case ZYDIS_CATEGORY_DATAXFER:
	case ZYDIS_CATEGORY_COND_BR:
	case ZYDIS_CATEGORY_UNCOND_BR:
	case ZYDIS_CATEGORY_NOP:
	case ZYDIS_CATEGORY_WIDENOP:
	case ZYDIS_CATEGORY_SSE:
	case ZYDIS_CATEGORY_AVX:
	case ZYDIS_CATEGORY_AVX2:
	case ZYDIS_CATEGORY_LOGICAL_FP:
	case ZYDIS_CATEGORY_BMI1:
	case ZYDIS_CATEGORY_BMI2:
	case ZYDIS_CATEGORY_VFMA:
	case ZYDIS_CATEGORY_X87_ALU:
		return 1;
	default:
		return 0;
	}
}

/*
 * A ModRM memory operand under exactly one segment prefix, %gs, with
 * 32-bit addressing: whatever its base and index, it is form G.
 */
static int memory_is_gs_form(const struct insn *in)
{
	return in->zi.address_width == 32 && in->segment_prefixes == 1 &&
	       in->gs_prefix;
}

static int is_bit_test(ZydisMnemonic m)
{
	return m == ZYDIS_MNEMONIC_BT || m == ZYDIS_MNEMONIC_BTS ||
	       m == ZYDIS_MNEMONIC_BTR || m == ZYDIS_MNEMONIC_BTC;
}

/*
 * push/pop of a register or an immediate (opcodes 50-5f, 68, 6a): %rsp
 * moves implicitly, the stack access is form S; only the register, named
 * by the opcode's low bits, remains to check.
 */
static int is_plain_push_pop(const struct insn *in)
{
	const ZydisDecodedInstruction *zi = &in->zi;

	return (zi->mnemonic == ZYDIS_MNEMONIC_PUSH ||
		zi->mnemonic == ZYDIS_MNEMONIC_POP) &&
	       zi->opcode_map == ZYDIS_OPCODE_MAP_DEFAULT &&
	       !(zi->attributes & ZYDIS_ATTRIB_HAS_MODRM);
}

/*
 * May the operand checks below be skipped? Only when they cannot fail.
 * Always for a macro part whose operands the matcher pinned down; never
 * for another macro part or a bit test. Always for the padding NOP (reads
 * nothing, writes nothing) and a direct call (implicit %rsp and stack).
 * Otherwise for a plain category, lea, or a plain push/pop, when the only
 * memory operand is a ModRM one in form G (or lea's), there is no moffs,
 * it is not a mov to a segment register, and no register operand field
 * can name %rsp (4) or %r14 (14).
 */
int operands_need_check(const struct insn *in)
{
	const ZydisDecodedInstruction *zi = &in->zi;
	int memory = (zi->attributes & ZYDIS_ATTRIB_HAS_MODRM) &&
		     zi->raw.modrm.mod != 3;

	if (in->roles & ROLE_CHECKED)
		return 0;
	if (in->roles || is_bit_test(zi->mnemonic))
		return 1;
	if (is_padding_nop(in) ||
	    (zi->mnemonic == ZYDIS_MNEMONIC_CALL && is_direct_branch(in)))
		return 0;
	if (!plain_category(zi->meta.category) &&
	    zi->mnemonic != ZYDIS_MNEMONIC_LEA && !is_plain_push_pop(in))
		return 1;
	if (memory ? !(zi->mnemonic == ZYDIS_MNEMONIC_LEA ||
		       memory_is_gs_form(in)) :
		     zi->raw.disp.size != 0)
		return 1;
	if (zi->mnemonic == ZYDIS_MNEMONIC_MOV &&
	    zi->opcode_map == ZYDIS_OPCODE_MAP_DEFAULT && zi->opcode == 0x8e)
		return 1;
	if (is_direct_branch(in))
		return 0;	/* no register operands */
	return insn_names_register(in, 4) || insn_names_register(in, 14);
}

/*
 * bt/bts/btr/btc with a register bit offset address memory at the operand
 * plus offset/8: a 64-bit offset reaches 2^60 bytes away, far past the
 * guards (a 32-bit one reaches 256 MiB, inside them).
 */
static int far_bit_offset(const struct insn *in, const ZydisDecodedOperand *ops)
{
	return is_bit_test(in->zi.mnemonic) &&
	       ops[0].type == ZYDIS_OPERAND_TYPE_MEMORY &&
	       ops[1].type == ZYDIS_OPERAND_TYPE_REGISTER &&
	       ZydisRegisterGetClass(ops[1].reg.value) == ZYDIS_REGCLASS_GPR64;
}

static int writes_segment_register(const struct insn *in,
				   const ZydisDecodedOperand *ops)
{
	for (int i = 0; i < in->zi.operand_count; i++)
		if (ops[i].type == ZYDIS_OPERAND_TYPE_REGISTER &&
		    (ops[i].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) &&
		    ZydisRegisterGetClass(ops[i].reg.value) ==
			    ZYDIS_REGCLASS_SEGMENT)
			return 1;
	return 0;
}

int check_operands(const struct decoder *d, struct insn *in, struct verdict *v)
{
	const ZydisDecodedOperand *ops;

	ops = insn_operands(d, in);
	if (!ops) {
		*v = (struct verdict){ LFI_UNDECODABLE, "operands" };
		return 0;
	}
	if (writes_segment_register(in, ops)) {
		*v = (struct verdict){ LFI_FORBIDDEN, "segment-register load" };
		return 0;
	}
	for (int i = 0; i < in->zi.operand_count; i++)
		if (ops[i].type == ZYDIS_OPERAND_TYPE_REGISTER &&
		    (ops[i].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) &&
		    !check_register_write(in, &ops[i], v))
			return 0;
	if (names_memory_without_access(in))
		return 1;
	if (far_bit_offset(in, ops)) {
		*v = (struct verdict){ LFI_MEMORY_OPERAND,
				       "64-bit bit offset reaches past the guards" };
		return 0;
	}
	for (int i = 0; i < in->zi.operand_count; i++)
		if (ops[i].type == ZYDIS_OPERAND_TYPE_MEMORY &&
		    !memory_operand_ok(in, &ops[i])) {
			*v = (struct verdict){ LFI_MEMORY_OPERAND, "" };
			return 0;
		}
	return 1;
}
