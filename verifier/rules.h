/*
 * rules.h - the rules of lfi-x64.md as functions over decoded instructions.
 *
 * isa.c: V1 prefix rules and V2 (instruction set).
 * operands.c: V3 (memory operands), V4 (%r14), V5 (%rsp).
 * macros.c: V7 macroinstruction recognition.
 * verify.c: bundles, V6 control flow, and putting it together.
 */
#ifndef LFI_RULES_H
#define LFI_RULES_H

#include "decode.h"
#include "lfi_verify.h"

/* Parts an instruction plays in a recognised macroinstruction (V7). */
enum {
	ROLE_INTERIOR = 1 << 0,		/* not the first instruction of a macro */
	ROLE_MASKED_BRANCH = 1 << 1,	/* the jmpq/callq of M1/M2 */
	ROLE_RUNTIME_CALL = 1 << 2,	/* the jmpq *N(%r14) of M3 */
	ROLE_STACK_WRITE = 1 << 3,	/* either instruction of M4 */
	ROLE_STRING = 1 << 4,		/* the string instruction of M5 */
	ROLE_STD = 1 << 5,		/* the std of M6 */
	ROLE_FP_CONTROL = 1 << 6,	/* the FP-control write of M7 */
	/* every operand checked by the matcher: nothing left for V3-V5 */
	ROLE_CHECKED = 1 << 7,
};

/* Explanation of a rejection: the reason and a detail for the message. */
struct verdict {
	enum lfi_reason reason;
	const char *detail;
};

/* V1 (prefixes) and V2; set *v and return 0 on rejection. */
int check_encoding(const struct insn *in, struct verdict *v);
int check_instruction_set(const struct insn *in, struct verdict *v);

/* V6/V7 rules that depend on the instruction's macro roles alone. */
int check_roles(const struct insn *in, struct verdict *v);

/* Can check_operands() fail for this instruction? (0: it cannot.) */
int operands_need_check(const struct insn *in);

/* Segment-register writes (V2), V4, V5 and V3: decodes the operands. */
int check_operands(const struct decoder *d, struct insn *in, struct verdict *v);

/* Mark the roles of every macroinstruction in one bundle's instructions. */
void mark_macros(const struct decoder *d, struct insn *insns, int count);

/* Tests: decode and check the operands of every instruction (no skipping). */
void lfi_verifier_check_all_operands(struct lfi_verifier *v, int on);

/* Helpers shared by the files above. */
ZydisRegister reg64(ZydisRegister r);	/* largest enclosing register */
int is_fp_control_write(const struct insn *in);

static inline int is_branch(const struct insn *in)
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

/*
 * jmp, jcc, call, loop, jrcxz with a relative immediate. Zydis also sets
 * ZYDIS_ATTRIB_IS_RELATIVE for %rip-relative memory operands, so the
 * attribute alone would take `jmpq *x(%rip)` for a direct branch.
 */
static inline int is_direct_branch(const struct insn *in)
{
	return is_branch(in) && in->zi.raw.imm[0].size != 0 &&
	       in->zi.raw.imm[0].is_relative;
}

#endif
