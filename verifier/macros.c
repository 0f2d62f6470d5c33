/*
 * macros.c - recognise the macroinstructions M1-M7 of lfi-x64.md (V7) in
 * the instructions of one bundle and mark the role each part plays.
 *
 * Matching is greedy from each instruction start: a sequence that does not
 * match exactly is not a macroinstruction, and its parts are then checked
 * on their own (where an indirect branch, %rsp write, string instruction,
 * std or FP-control write is rejected). Each matcher looks at mnemonics
 * first and decodes operands only for real candidates, so that ordinary
 * code pays nothing for them.
 */
#include "rules.h"

struct bundle {
	const struct decoder *d;
	struct insn *insns;
	int count;
};

static const ZydisDecodedOperand *ops_of(const struct bundle *b, int i)
{
	if (i >= b->count)
		return NULL;
	return insn_visible_operands(b->d, &b->insns[i]);
}

/* A general register the macros may use as X: not %rsp, not %r14. */
static int usable_x(ZydisRegister r64)
{
	return ZydisRegisterGetClass(r64) == ZYDIS_REGCLASS_GPR64 &&
	       r64 != ZYDIS_REGISTER_RSP && r64 != ZYDIS_REGISTER_R14;
}

static int is_reg(const ZydisDecodedOperand *op, ZydisRegister r)
{
	return op->type == ZYDIS_OPERAND_TYPE_REGISTER && op->reg.value == r;
}

/* Two visible operands, the first a register, as in "andl $i, %eX". */
static const ZydisDecodedOperand *two_operands(const struct bundle *b, int i,
					       ZydisMnemonic m, int width)
{
	const struct insn *in = &b->insns[i];
	const ZydisDecodedOperand *ops;

	if (i >= b->count || in->zi.mnemonic != m ||
	    in->zi.operand_width != width || in->zi.operand_count_visible != 2)
		return NULL;
	ops = ops_of(b, i);
	if (!ops || ops[0].type != ZYDIS_OPERAND_TYPE_REGISTER)
		return NULL;
	return ops;
}

/* M2's padding: any instruction Zydis calls nop. */
static int is_nop(const struct insn *in)
{
	return in->zi.mnemonic == ZYDIS_MNEMONIC_NOP;
}

/* andl $0xffffffe0, %eX: returns X (64-bit) or NONE. */
static ZydisRegister match_mask(const struct bundle *b, int i)
{
	const ZydisDecodedOperand *ops =
		two_operands(b, i, ZYDIS_MNEMONIC_AND, 32);
	ZydisRegister x;

	if (!ops || ops[1].type != ZYDIS_OPERAND_TYPE_IMMEDIATE ||
	    (uint32_t)ops[1].imm.value.u != 0xffffffe0u ||
	    ZydisRegisterGetClass(ops[0].reg.value) != ZYDIS_REGCLASS_GPR32)
		return ZYDIS_REGISTER_NONE;
	x = reg64(ops[0].reg.value);
	return usable_x(x) ? x : ZYDIS_REGISTER_NONE;
}

/* orq %r14, %rX or addq %r14, %rX. */
static int match_rebase(const struct bundle *b, int i, ZydisRegister x)
{
	const ZydisDecodedOperand *ops;

	if (i >= b->count)
		return 0;
	ops = two_operands(b, i, b->insns[i].zi.mnemonic == ZYDIS_MNEMONIC_OR ?
				 ZYDIS_MNEMONIC_OR : ZYDIS_MNEMONIC_ADD, 64);
	return ops && is_reg(&ops[0], x) && is_reg(&ops[1], ZYDIS_REGISTER_R14);
}

/* jmpq *%rX or callq *%rX. */
static int match_branch_reg(const struct bundle *b, int i, ZydisMnemonic m,
			    ZydisRegister x)
{
	const struct insn *in = &b->insns[i];
	const ZydisDecodedOperand *ops;

	if (i >= b->count || in->zi.mnemonic != m ||
	    in->zi.meta.branch_type != ZYDIS_BRANCH_TYPE_NEAR ||
	    is_direct_branch(in))
		return 0;
	ops = ops_of(b, i);
	return ops && is_reg(&ops[0], x);
}

static int is_indirect(const struct bundle *b, int i, ZydisMnemonic m)
{
	return i < b->count && b->insns[i].zi.mnemonic == m &&
	       !is_direct_branch(&b->insns[i]);
}

/* Could the instructions from i on end in an indirect jmp or call? */
static int ends_in_indirect_branch(const struct bundle *b, int i)
{
	if (is_indirect(b, i, ZYDIS_MNEMONIC_JMP))
		return 1;
	while (i < b->count && is_nop(&b->insns[i]))
		i++;
	return is_indirect(b, i, ZYDIS_MNEMONIC_CALL);
}

/* M1 and M2: mask, rebase, (NOPs,) branch. Returns the length or 0. */
static int match_masked_branch(struct bundle *b, int i)
{
	ZydisRegister x;
	int j = i + 2;

	if (b->insns[i].zi.mnemonic != ZYDIS_MNEMONIC_AND ||
	    !ends_in_indirect_branch(b, j))
		return 0;
	x = match_mask(b, i);
	if (x == ZYDIS_REGISTER_NONE || !match_rebase(b, i + 1, x))
		return 0;
	if (match_branch_reg(b, j, ZYDIS_MNEMONIC_JMP, x)) {
		b->insns[i].roles |= ROLE_CHECKED;
		b->insns[i + 1].roles |= ROLE_CHECKED;
		b->insns[j].roles |= ROLE_MASKED_BRANCH | ROLE_CHECKED;
		return 3;
	}
	while (j < b->count && is_nop(&b->insns[j]))
		j++;
	if (j < b->count && match_branch_reg(b, j, ZYDIS_MNEMONIC_CALL, x)) {
		b->insns[i].roles |= ROLE_CHECKED;
		b->insns[i + 1].roles |= ROLE_CHECKED;
		b->insns[j].roles |= ROLE_MASKED_BRANCH | ROLE_CHECKED;
		return j - i + 1;
	}
	return 0;
}

/* M3: leaq d(%rip), %r11 (target: end of the jmpq) ; jmpq *N(%r14). */
static int match_runtime_call(struct bundle *b, int i, int want_n)
{
	const ZydisDecodedOperand *lea, *jmp;
	const struct insn *next;
	int64_t n;

	if (b->insns[i].zi.mnemonic != ZYDIS_MNEMONIC_LEA ||
	    !is_indirect(b, i + 1, ZYDIS_MNEMONIC_JMP))
		return 0;
	lea = two_operands(b, i, ZYDIS_MNEMONIC_LEA, 64);
	if (!lea || !is_reg(&lea[0], ZYDIS_REGISTER_R11) ||
	    lea[1].mem.base != ZYDIS_REGISTER_RIP ||
	    lea[1].mem.index != ZYDIS_REGISTER_NONE || i + 1 >= b->count)
		return 0;
	next = &b->insns[i + 1];
	if (next->zi.mnemonic != ZYDIS_MNEMONIC_JMP ||
	    next->zi.meta.branch_type != ZYDIS_BRANCH_TYPE_NEAR ||
	    next->zi.address_width != 64 || next->segment_prefixes ||
	    next->zi.operand_count_visible != 1)
		return 0;
	jmp = ops_of(b, i + 1);
	if (!jmp || jmp[0].type != ZYDIS_OPERAND_TYPE_MEMORY ||
	    jmp[0].mem.type != ZYDIS_MEMOP_TYPE_MEM ||
	    jmp[0].mem.base != ZYDIS_REGISTER_R14 ||
	    jmp[0].mem.index != ZYDIS_REGISTER_NONE)
		return 0;
	n = jmp[0].mem.disp.has_displacement ? jmp[0].mem.disp.value : 0;
	if (n < 0 || n >= 256 || n % 8 != 0 || (want_n >= 0 && n != want_n))
		return 0;
	if (b->insns[i].address + b->insns[i].zi.length + lea[1].mem.disp.value !=
	    next->address + next->zi.length)
		return 0;
	b->insns[i].roles |= ROLE_CHECKED;
	b->insns[i + 1].roles |= ROLE_RUNTIME_CALL | ROLE_CHECKED;
	return 2;
}

/* M4 first part: a 32-bit write of %esp that the rebase then fixes. */
static int match_esp_write(const struct bundle *b, int i)
{
	const struct insn *in = &b->insns[i];
	const ZydisDecodedOperand *ops;

	if (i >= b->count || in->zi.operand_width != 32 ||
	    in->zi.operand_count_visible != 2)
		return 0;
	switch (in->zi.mnemonic) {
	case ZYDIS_MNEMONIC_MOV:
	case ZYDIS_MNEMONIC_ADD:
	case ZYDIS_MNEMONIC_SUB:
	case ZYDIS_MNEMONIC_AND:
	case ZYDIS_MNEMONIC_LEA:
		break;
	default:
		return 0;
	}
	ops = ops_of(b, i);
	if (!ops || !is_reg(&ops[0], ZYDIS_REGISTER_ESP))
		return 0;
	switch (in->zi.mnemonic) {
	case ZYDIS_MNEMONIC_MOV:
		return ops[1].type == ZYDIS_OPERAND_TYPE_REGISTER &&
		       ZydisRegisterGetClass(ops[1].reg.value) ==
			       ZYDIS_REGCLASS_GPR32 &&
		       usable_x(reg64(ops[1].reg.value));
	case ZYDIS_MNEMONIC_LEA:
		return ops[1].type == ZYDIS_OPERAND_TYPE_MEMORY;
	default:
		return ops[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE;
	}
}

static int match_stack(struct bundle *b, int i)
{
	const struct insn *rebase = &b->insns[i + 1];

	if (i + 1 >= b->count || !insn_names_register(rebase, 4) ||
	    !insn_names_register(rebase, 14) || !match_esp_write(b, i) ||
	    !match_rebase(b, i + 1, ZYDIS_REGISTER_RSP))
		return 0;
	b->insns[i].roles |= ROLE_STACK_WRITE | ROLE_CHECKED;
	b->insns[i + 1].roles |= ROLE_STACK_WRITE | ROLE_CHECKED;
	return 2;
}

/* movl %eR, %eR ; leaq (%r14,%rR), %rR for R = di or si. */
static ZydisRegister match_rebase_pair(const struct bundle *b, int i)
{
	const ZydisDecodedOperand *mov, *lea;
	ZydisRegister r;

	mov = two_operands(b, i, ZYDIS_MNEMONIC_MOV, 32);
	if (!mov || mov[1].type != ZYDIS_OPERAND_TYPE_REGISTER ||
	    mov[1].reg.value != mov[0].reg.value)
		return ZYDIS_REGISTER_NONE;
	r = reg64(mov[0].reg.value);
	if (r != ZYDIS_REGISTER_RDI && r != ZYDIS_REGISTER_RSI)
		return ZYDIS_REGISTER_NONE;
	lea = two_operands(b, i + 1, ZYDIS_MNEMONIC_LEA, 64);
	if (!lea || !is_reg(&lea[0], r) || b->insns[i + 1].zi.address_width != 64 ||
	    lea[1].mem.base != ZYDIS_REGISTER_R14 || lea[1].mem.index != r ||
	    lea[1].mem.scale != 1 || lea[1].mem.disp.value != 0 ||
	    b->insns[i + 1].segment_prefixes)
		return ZYDIS_REGISTER_NONE;
	return r;
}

/* The %rdi/%rsi a string instruction addresses: bit 0 rdi, bit 1 rsi. */
static int string_registers(const struct bundle *b, int i)
{
	const struct insn *in = &b->insns[i];
	const ZydisDecodedOperand *ops;
	int used = 0;

	if (i >= b->count || in->zi.meta.category != ZYDIS_CATEGORY_STRINGOP ||
	    in->zi.address_width != 64 || in->segment_prefixes)
		return 0;
	ops = insn_operands(b->d, &b->insns[i]);	/* hidden memory operands */
	for (int k = 0; ops && k < in->zi.operand_count; k++) {
		if (ops[k].type != ZYDIS_OPERAND_TYPE_MEMORY)
			continue;
		if (ops[k].mem.base == ZYDIS_REGISTER_RDI &&
		    ops[k].mem.index == ZYDIS_REGISTER_NONE)
			used |= 1;
		else if (ops[k].mem.base == ZYDIS_REGISTER_RSI &&
			 ops[k].mem.index == ZYDIS_REGISTER_NONE)
			used |= 2;
		else
			return 0;
	}
	return ops ? used : 0;
}

/* M5: one rebase pair for each of %rdi/%rsi used, then the instruction. */
static int is_string_op(const struct bundle *b, int i)
{
	return i < b->count &&
	       b->insns[i].zi.meta.category == ZYDIS_CATEGORY_STRINGOP;
}

static int match_string(struct bundle *b, int i)
{
	int rebased = 0, j = i;

	if (b->insns[i].zi.mnemonic != ZYDIS_MNEMONIC_MOV ||
	    !(is_string_op(b, i + 2) || is_string_op(b, i + 4)))
		return 0;

	for (int pair = 0; pair < 2; pair++) {
		ZydisRegister r = match_rebase_pair(b, j);
		int bit = r == ZYDIS_REGISTER_RDI ? 1 : 2;

		if (r == ZYDIS_REGISTER_NONE || (rebased & bit))
			break;
		rebased |= bit;
		j += 2;
	}
	if (!rebased || string_registers(b, j) != rebased)
		return 0;
	for (int k = i; k < j; k++)
		b->insns[k].roles |= ROLE_CHECKED;	/* the rebase pairs */
	b->insns[j].roles |= ROLE_STRING;
	return j - i + 1;
}

/* M6: std ; M5 ; cld. */
static int match_backwards_string(struct bundle *b, int i)
{
	int n;

	if (b->insns[i].zi.mnemonic != ZYDIS_MNEMONIC_STD || i + 1 >= b->count)
		return 0;
	n = match_string(b, i + 1);
	if (!n || i + 1 + n >= b->count ||
	    b->insns[i + 1 + n].zi.mnemonic != ZYDIS_MNEMONIC_CLD) {
		/* undo the M5's roles; the next position matches it again */
		for (int k = i + 1; k <= i + n; k++)
			b->insns[k].roles = 0;
		return 0;
	}
	b->insns[i].roles |= ROLE_STD | ROLE_CHECKED;
	b->insns[i + 1 + n].roles |= ROLE_CHECKED;	/* cld */
	return n + 2;
}

/* M7: FP-control write ; M3 with N = 32. */
static int match_fp_control(struct bundle *b, int i)
{
	if (!is_fp_control_write(&b->insns[i]) ||
	    !match_runtime_call(b, i + 1, 32))
		return 0;
	b->insns[i].roles |= ROLE_FP_CONTROL;
	return 3;
}

/* Dispatch on the first instruction: each macro starts with few mnemonics. */
static int match_at(struct bundle *b, int i)
{
	int n;

	switch (b->insns[i].zi.mnemonic) {
	case ZYDIS_MNEMONIC_AND:	/* M1, M2, or M4 with andl $i, %esp */
		return (n = match_masked_branch(b, i)) ? n : match_stack(b, i);
	case ZYDIS_MNEMONIC_LEA:	/* M3, or M4 with leal m, %esp */
		return (n = match_runtime_call(b, i, -1)) ? n : match_stack(b, i);
	case ZYDIS_MNEMONIC_MOV:	/* M5, or M4 with movl %eX, %esp */
		return (n = match_string(b, i)) ? n : match_stack(b, i);
	case ZYDIS_MNEMONIC_ADD:
	case ZYDIS_MNEMONIC_SUB:
		return match_stack(b, i);
	case ZYDIS_MNEMONIC_STD:
		return match_backwards_string(b, i);
	default:
		return is_fp_control_write(&b->insns[i]) ? match_fp_control(b, i) : 0;
	}
}

void mark_macros(const struct decoder *d, struct insn *insns, int count)
{
	struct bundle b = { d, insns, count };

	for (int i = 0; i < count;) {
		int n = match_at(&b, i);

		if (!n) {
			i++;
			continue;
		}
		for (int k = i + 1; k < i + n; k++)
			insns[k].roles |= ROLE_INTERIOR;
		i += n;
	}
}
