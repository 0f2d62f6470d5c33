/* reasons.c - names and explanations of rejection reasons. */
#include "lfi_verify.h"

static const struct {
	const char *rule, *name, *text;
} reasons[LFI_REASON_COUNT] = {
	[LFI_OK] = { "", "ok", "accepted" },
	[LFI_MISALIGNED_BUFFER] = { "V1", "misaligned-buffer",
		"code address is not a multiple of 32" },
	[LFI_UNDECODABLE] = { "V1", "undecodable",
		"bytes do not decode as an instruction" },
	[LFI_CROSSES_BUNDLE] = { "V1", "crosses-bundle",
		"instruction crosses a 32-byte bundle boundary" },
	[LFI_TRUNCATED] = { "V1", "truncated",
		"code ends inside an instruction" },
	[LFI_BRANCH_OSIZE] = { "V1", "branch-osize",
		"branch with an operand-size prefix (AMD runs a 16-bit branch)" },
	[LFI_SEGMENT_PREFIXES] = { "V1", "segment-prefixes",
		"more than one segment-override prefix" },
	[LFI_REP_PREFIXES] = { "V1", "rep-prefixes",
		"more than one f2/f3 prefix (which one counts is model-specific)" },
	[LFI_ISA_SET] = { "V2", "isa-set",
		"instruction set extension not allowed" },
	[LFI_FORBIDDEN] = { "V2", "forbidden", "instruction not allowed" },
	[LFI_MEMORY_OPERAND] = { "V3", "memory-operand",
		"memory operand is not %gs:(32-bit), (%rsp) or (%rip)" },
	[LFI_WRITES_R14] = { "V4", "writes-r14", "instruction writes %r14" },
	[LFI_WRITES_RSP] = { "V5", "writes-rsp",
		"%rsp written outside push/pop/call and M4" },
	[LFI_BRANCH_TARGET] = { "V6", "branch-target",
		"direct branch target is not an instruction start in this code" },
	[LFI_INDIRECT_BRANCH] = { "V6", "indirect-branch",
		"indirect branch outside M1, M2, M3" },
	[LFI_STD] = { "V6", "std", "std outside M6" },
	[LFI_FP_CONTROL] = { "V6", "fp-control",
		"FP-control write outside M7" },
	[LFI_STRING_OP] = { "V7", "string-op",
		"string instruction outside M5/M6 (or with addr32/segment)" },
	[LFI_CALL_END] = { "T", "call-end",
		"call does not end at a bundle boundary (its return address "
		"would be masked down)" },
};

static int known(enum lfi_reason r)
{
	return (unsigned)r < LFI_REASON_COUNT;
}

const char *lfi_reason_rule(enum lfi_reason r)
{
	return known(r) ? reasons[r].rule : "?";
}

const char *lfi_reason_name(enum lfi_reason r)
{
	return known(r) ? reasons[r].name : "unknown";
}

const char *lfi_reason_text(enum lfi_reason r)
{
	return known(r) ? reasons[r].text : "unknown reason";
}
