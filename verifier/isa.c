/*
 * isa.c - V1 (prefixes and decoding modes) and V2 (the instruction set).
 */
#include "rules.h"

ZydisRegister reg64(ZydisRegister r)
{
	return ZydisRegisterGetLargestEnclosing(ZYDIS_MACHINE_MODE_LONG_64, r);
}

/*
 * V1. Intel ignores 0x66 on near branches; AMD executes a 16-bit branch of
 * another length, so a branch with 0x66 is rejected. Every other encoding
 * decodes identically, operand by operand, in Zydis' default and AMD
 * branch modes: the mode only changes the operand size of jmp, jcc and
 * call under 0x66. tests/verifier/internal.c checks this over ten million
 * encodings, and the fuzzer on every buffer it finds accepted, so the
 * verifier need not decode anything twice.
 */
int check_encoding(const struct insn *in, struct verdict *v)
{
	if (is_branch(in) && in->osize_prefix) {
		*v = (struct verdict){ LFI_BRANCH_OSIZE, "0x66 on a branch" };
		return 0;
	}
	if (in->segment_prefixes > 1) {
		*v = (struct verdict){ LFI_SEGMENT_PREFIXES, "" };
		return 0;
	}
	/*
	 * Zydis lets the last of f2/f3 decide, as this Intel CPU does; the
	 * SDM calls several prefixes of one group unpredictable, and with
	 * CET `f3 f2 0f 1e /1` is a nop or rdssp depending on which wins.
	 */
	if (in->rep_prefixes > 1) {
		*v = (struct verdict){ LFI_REP_PREFIXES, "" };
		return 0;
	}
	return 1;
}

static int isa_set_allowed(ZydisISASet set)
{
	switch (set) {
	/* base integer instructions */
	case ZYDIS_ISA_SET_I86:
	case ZYDIS_ISA_SET_I186:
	case ZYDIS_ISA_SET_I386:
	case ZYDIS_ISA_SET_I486:
	case ZYDIS_ISA_SET_I486REAL:
	case ZYDIS_ISA_SET_PENTIUMREAL:	/* cmpxchg8b, rdtsc */
	case ZYDIS_ISA_SET_PPRO:		/* ud2, fcomi, wide NOPs */
	case ZYDIS_ISA_SET_LONGMODE:
	case ZYDIS_ISA_SET_LAHF:
	case ZYDIS_ISA_SET_PAUSE:
	case ZYDIS_ISA_SET_FAT_NOP:
	case ZYDIS_ISA_SET_CMOV:
	case ZYDIS_ISA_SET_CMPXCHG16B:
	/* x87 */
	case ZYDIS_ISA_SET_X87:
	case ZYDIS_ISA_SET_FCMOV:
	case ZYDIS_ISA_SET_FXSAVE:		/* fxrstor is an M7 FP-control write */
	case ZYDIS_ISA_SET_FXSAVE64:
	/* SSE to SSE4.2 */
	case ZYDIS_ISA_SET_SSE:
	case ZYDIS_ISA_SET_SSE2:
	case ZYDIS_ISA_SET_SSE3:
	case ZYDIS_ISA_SET_SSE3X87:
	case ZYDIS_ISA_SET_SSSE3:
	case ZYDIS_ISA_SET_SSE4:
	case ZYDIS_ISA_SET_SSE42:
	case ZYDIS_ISA_SET_SSEMXCSR:
	case ZYDIS_ISA_SET_SSE_PREFETCH:
	/* AVX, AVX2 (gathers are AVX2GATHER), FMA, F16C */
	case ZYDIS_ISA_SET_AVX:
	case ZYDIS_ISA_SET_AVX2:
	case ZYDIS_ISA_SET_FMA:
	case ZYDIS_ISA_SET_F16C:
	/* bit manipulation and the rest */
	case ZYDIS_ISA_SET_BMI1:
	case ZYDIS_ISA_SET_BMI2:
	case ZYDIS_ISA_SET_LZCNT:
	case ZYDIS_ISA_SET_POPCNT:
	case ZYDIS_ISA_SET_MOVBE:
	case ZYDIS_ISA_SET_ADOX_ADCX:
	case ZYDIS_ISA_SET_AES:
	case ZYDIS_ISA_SET_AVXAES:
	case ZYDIS_ISA_SET_PCLMULQDQ:
	case ZYDIS_ISA_SET_SHA:
	case ZYDIS_ISA_SET_RDRAND:
	case ZYDIS_ISA_SET_RDSEED:
		return 1;
	default:
		return 0;
	}
}

/* Denylisted mnemonics inside the allowed sets, with the reason. */
static const char *denied_mnemonic(ZydisMnemonic m)
{
	switch (m) {
	case ZYDIS_MNEMONIC_POPF:
	case ZYDIS_MNEMONIC_POPFD:
	case ZYDIS_MNEMONIC_POPFQ:
		return "popf can set AC and TF";
	case ZYDIS_MNEMONIC_XLAT:
		return "xlat reads (%rbx,%al) with no visible operand";
	case ZYDIS_MNEMONIC_MASKMOVQ:
	case ZYDIS_MNEMONIC_MASKMOVDQU:
	case ZYDIS_MNEMONIC_VMASKMOVDQU:
		return "masked store to (%rdi) with no visible operand";
	case ZYDIS_MNEMONIC_UD0:
	case ZYDIS_MNEMONIC_UD1:
		return "only int3, ud2 and hlt are allowed traps (AMD decodes ud0 without ModRM)";
	case ZYDIS_MNEMONIC_CLI:
	case ZYDIS_MNEMONIC_STI:
		return "I/O-privilege instruction";
	case ZYDIS_MNEMONIC_INT:
	case ZYDIS_MNEMONIC_INT1:
	case ZYDIS_MNEMONIC_INTO:
		return "software interrupt";
	default:
		return NULL;
	}
}

static const char *denied_category(ZydisInstructionCategory c)
{
	switch (c) {
	case ZYDIS_CATEGORY_SYSCALL:
	case ZYDIS_CATEGORY_SYSRET:
		return "system call instruction";
	case ZYDIS_CATEGORY_RET:
		return "return (use popq %r11 and M1)";
	case ZYDIS_CATEGORY_IO:
	case ZYDIS_CATEGORY_IOSTRINGOP:
		return "I/O instruction";
	case ZYDIS_CATEGORY_SEGOP:
		return "segment-register load";
	default:
		return NULL;
	}
}

int check_instruction_set(const struct insn *in, struct verdict *v)
{
	const ZydisDecodedInstruction *zi = &in->zi;
	const char *why;

	if (!isa_set_allowed(zi->meta.isa_set)) {
		*v = (struct verdict){ LFI_ISA_SET,
				       ZydisISASetGetString(zi->meta.isa_set) };
		return 0;
	}
	if (zi->mnemonic == ZYDIS_MNEMONIC_INT3 ||
	    zi->mnemonic == ZYDIS_MNEMONIC_UD2 ||
	    zi->mnemonic == ZYDIS_MNEMONIC_HLT)
		return 1;	/* allowed traps */
	why = denied_mnemonic(zi->mnemonic);
	if (!why)
		why = denied_category(zi->meta.category);
	if (!why && zi->meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)
		why = "far branch";
	if (!why && (zi->attributes & ZYDIS_ATTRIB_IS_PRIVILEGED))
		why = "privileged instruction";
	if (why) {
		*v = (struct verdict){ LFI_FORBIDDEN, why };
		return 0;
	}
	return 1;
}

int is_fp_control_write(const struct insn *in)
{
	switch (in->zi.mnemonic) {
	case ZYDIS_MNEMONIC_LDMXCSR:
	case ZYDIS_MNEMONIC_VLDMXCSR:
	case ZYDIS_MNEMONIC_FLDCW:
	case ZYDIS_MNEMONIC_FLDENV:
	case ZYDIS_MNEMONIC_FRSTOR:
	case ZYDIS_MNEMONIC_FXRSTOR:
	case ZYDIS_MNEMONIC_FXRSTOR64:
	case ZYDIS_MNEMONIC_FNINIT:
	case ZYDIS_MNEMONIC_FNSAVE:
		return 1;
	default:
		return 0;
	}
}
