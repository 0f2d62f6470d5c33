/*
 * lfi_verify.h - the LFI-x64 verifier.
 *
 * Decides whether a buffer of x86-64 machine code obeys the verifier rules
 * V1-V7 of docs/lfi-x64.md (shared/docs/lfi-x64.md), so that it may be made
 * executable inside a sandbox. The verifier is part of the trusted base:
 * everything it accepts must be safe to run, whoever produced it.
 *
 * Usage:
 *     struct lfi_verifier *v = lfi_verifier_new();
 *     struct lfi_verify_options opt = { .collect_all = 1,
 *                                       .on_error = print, .ctx = f };
 *     long n = lfi_verify(v, code, size, address, &opt, NULL);
 *     // n == 0: accepted; n > 0: rejected with n errors; n < 0: no memory
 *     lfi_verifier_free(v);
 *
 * A verifier object holds only decoder and formatter tables; it may be used
 * by one thread at a time. Verification itself keeps no state between calls.
 */
#ifndef LFI_VERIFY_H
#define LFI_VERIFY_H

#include <stddef.h>
#include <stdint.h>

/* Size of a bundle: no instruction crosses a multiple of this address. */
#define LFI_BUNDLE_SIZE 32

/*
 * Why an instruction was rejected. Each reason belongs to one rule of
 * lfi-x64.md; lfi_reason_rule() names it ("V3"), lfi_reason_name() gives
 * the short stable name used in messages and tests ("memory-operand").
 */
enum lfi_reason {
	LFI_OK = 0,
	/* V1 decoding */
	LFI_MISALIGNED_BUFFER,	/* buffer address not bundle-aligned */
	LFI_UNDECODABLE,	/* Zydis cannot decode the bytes */
	LFI_CROSSES_BUNDLE,	/* instruction crosses a bundle boundary */
	LFI_TRUNCATED,		/* buffer ends inside an instruction */
	LFI_BRANCH_OSIZE,	/* branch with an operand-size prefix 0x66 */
	LFI_SEGMENT_PREFIXES,	/* more than one segment-override prefix */
	LFI_REP_PREFIXES,	/* both or several of f2/f3 */
	/* V2 instruction set */
	LFI_ISA_SET,		/* ISA set not in the allowlist */
	LFI_FORBIDDEN,		/* denylisted instruction */
	/* V3 memory operands */
	LFI_MEMORY_OPERAND,	/* memory operand is not G, S, R (or T in M3) */
	/* V4, V5 */
	LFI_WRITES_R14,		/* writes %r14 in some width */
	LFI_WRITES_RSP,		/* writes %rsp outside push/pop/call/M4 */
	/* V6 control flow */
	LFI_BRANCH_TARGET,	/* direct branch target is not a valid start */
	LFI_INDIRECT_BRANCH,	/* indirect branch outside M1/M2/M3 */
	LFI_STD,		/* std outside M6 */
	LFI_FP_CONTROL,		/* FP-control write outside M7 */
	/* V7 macroinstructions */
	LFI_STRING_OP,		/* string instruction outside M5/M6 */
	/* not a verifier rule: the toolchain's check_call_ends option */
	LFI_CALL_END,		/* a call does not end at a bundle boundary */
	LFI_REASON_COUNT
};

/* One rejected instruction. */
struct lfi_error {
	uint64_t address;	/* virtual address of the instruction */
	enum lfi_reason reason;
	char insn[128];		/* AT&T text from Zydis, or the raw bytes */
	char detail[96];	/* what exactly is wrong, may be empty */
};

struct lfi_verify_options {
	/* 0: stop at the first error; otherwise report every error. */
	int collect_all;
	/* Called once per error; may be NULL. */
	void (*on_error)(const struct lfi_error *err, void *ctx);
	void *ctx;
	/*
	 * Relocatable objects only: sorted offsets (from the buffer start) of
	 * branch displacement fields that the linker will fill in. A direct
	 * branch whose displacement starts at one of them has its target
	 * decided at link time and is not checked here. NULL for linked code.
	 */
	const uint64_t *link_time_targets;
	size_t link_time_target_count;
	/*
	 * Not a safety rule, but required for correctness (lfi-x64.md, "Not
	 * the verifier's business"): report every call (direct, or the call
	 * of M2) that does not end at a bundle boundary, as LFI_CALL_END. Its
	 * return address would be masked down to the start of its bundle.
	 * The compiler driver sets it for what it links.
	 */
	int check_call_ends;
};

/* Counters of one verification, for `lfi-verify -v` and benchmarks. */
struct lfi_verify_stats {
	uint64_t instructions;
	uint64_t bundles;
	uint64_t operand_decodes;	/* instructions whose operands were decoded */
};

struct lfi_verifier;

/* Allocate a verifier; NULL when out of memory. */
struct lfi_verifier *lfi_verifier_new(void);
void lfi_verifier_free(struct lfi_verifier *v);

/*
 * Verify `size` bytes of code that will be executable at virtual address
 * `address` (a multiple of LFI_BUNDLE_SIZE). Returns the number of errors
 * reported (0: accepted), or -1 when memory for the branch-target maps
 * could not be allocated. `opt` and `stats` may be NULL.
 */
long lfi_verify(const struct lfi_verifier *v, const uint8_t *code, size_t size,
		uint64_t address, const struct lfi_verify_options *opt,
		struct lfi_verify_stats *stats);

/*
 * The AT&T text (Zydis) of the instruction at the start of `code`, which
 * runs at `address`, into `text`; returns its length in bytes, or -1 when
 * the bytes do not decode. For reports (the runtime's fault messages).
 */
int lfi_disassemble(const struct lfi_verifier *v, const uint8_t *code,
		    size_t size, uint64_t address, char *text, size_t text_size);

/* "V1".."V7" for a reason ("T" for LFI_CALL_END, a toolchain check). */
const char *lfi_reason_rule(enum lfi_reason reason);
/* Short stable name, e.g. "memory-operand". */
const char *lfi_reason_name(enum lfi_reason reason);
/* One-sentence explanation. */
const char *lfi_reason_text(enum lfi_reason reason);

#endif
