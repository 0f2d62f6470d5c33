#include "builtins.h"

/* __builtin_cpu_init, __builtin_cpu_supports and __builtin_cpu_is read
   these two objects; gcc 12 fixes their layout and the numbering of the
   features (feature i is bit i % 32 of word i / 32, word 0 in
   __cpu_model, words 1-3 in __cpu_features2). */
struct cpu_model {
	unsigned vendor;        /* 1 Intel, 2 AMD, 3 other */
	unsigned type;          /* processor family: always 0 here */
	unsigned subtype;       /* always 0 here */
	unsigned features[1];
};
struct cpu_model __cpu_model;
unsigned __cpu_features2[3];

enum { VENDOR_INTEL = 1, VENDOR_AMD = 2, VENDOR_OTHER = 3 };

enum reg { EAX, EBX, ECX, EDX };
enum os { ANY, AVX_STATE, AVX512_STATE, AMX_STATE };

/* One cpuid bit per gcc feature number. Some features need register
   state the kernel must save; see os_state(). */
static const struct feature {
	unsigned char number;
	unsigned leaf, subleaf;
	unsigned char reg, bit, os;
} table[] = {
	{ 0, 1, 0, EDX, 15, ANY },            /* cmov */
	{ 1, 1, 0, EDX, 23, ANY },            /* mmx */
	{ 2, 1, 0, ECX, 23, ANY },            /* popcnt */
	{ 3, 1, 0, EDX, 25, ANY },            /* sse */
	{ 4, 1, 0, EDX, 26, ANY },            /* sse2 */
	{ 5, 1, 0, ECX, 0, ANY },             /* sse3 */
	{ 6, 1, 0, ECX, 9, ANY },             /* ssse3 */
	{ 7, 1, 0, ECX, 19, ANY },            /* sse4.1 */
	{ 8, 1, 0, ECX, 20, ANY },            /* sse4.2 */
	{ 9, 1, 0, ECX, 28, AVX_STATE },      /* avx */
	{ 10, 7, 0, EBX, 5, AVX_STATE },      /* avx2 */
	{ 11, 0x80000001, 0, ECX, 6, ANY },   /* sse4a */
	{ 12, 0x80000001, 0, ECX, 16, AVX_STATE }, /* fma4 */
	{ 13, 0x80000001, 0, ECX, 11, AVX_STATE }, /* xop */
	{ 14, 1, 0, ECX, 12, AVX_STATE },     /* fma */
	{ 15, 7, 0, EBX, 16, AVX512_STATE },  /* avx512f */
	{ 16, 7, 0, EBX, 3, ANY },            /* bmi */
	{ 17, 7, 0, EBX, 8, ANY },            /* bmi2 */
	{ 18, 1, 0, ECX, 25, ANY },           /* aes */
	{ 19, 1, 0, ECX, 1, ANY },            /* pclmul */
	{ 20, 7, 0, EBX, 31, AVX512_STATE },  /* avx512vl */
	{ 21, 7, 0, EBX, 30, AVX512_STATE },  /* avx512bw */
	{ 22, 7, 0, EBX, 17, AVX512_STATE },  /* avx512dq */
	{ 23, 7, 0, EBX, 28, AVX512_STATE },  /* avx512cd */
	{ 24, 7, 0, EBX, 27, AVX512_STATE },  /* avx512er */
	{ 25, 7, 0, EBX, 26, AVX512_STATE },  /* avx512pf */
	{ 26, 7, 0, ECX, 1, AVX512_STATE },   /* avx512vbmi */
	{ 27, 7, 0, EBX, 21, AVX512_STATE },  /* avx512ifma */
	{ 28, 7, 0, EDX, 2, AVX512_STATE },   /* avx5124vnniw */
	{ 29, 7, 0, EDX, 3, AVX512_STATE },   /* avx5124fmaps */
	{ 30, 7, 0, ECX, 14, AVX512_STATE },  /* avx512vpopcntdq */
	{ 31, 7, 0, ECX, 6, AVX512_STATE },   /* avx512vbmi2 */
	{ 32, 7, 0, ECX, 8, ANY },            /* gfni */
	{ 33, 7, 0, ECX, 10, AVX_STATE },     /* vpclmulqdq */
	{ 34, 7, 0, ECX, 11, AVX512_STATE },  /* avx512vnni */
	{ 35, 7, 0, ECX, 12, AVX512_STATE },  /* avx512bitalg */
	{ 36, 7, 1, EAX, 5, AVX512_STATE },   /* avx512bf16 */
	{ 37, 7, 0, EDX, 8, AVX512_STATE },   /* avx512vp2intersect */
	{ 38, 0x80000001, 0, EDX, 31, ANY },  /* 3dnow */
	{ 39, 0x80000001, 0, EDX, 30, ANY },  /* 3dnowp */
	{ 40, 7, 0, EBX, 19, ANY },           /* adx */
	{ 41, 0x80000001, 0, ECX, 5, ANY },   /* abm */
	{ 42, 7, 0, ECX, 25, ANY },           /* cldemote */
	{ 43, 7, 0, EBX, 23, ANY },           /* clflushopt */
	{ 44, 7, 0, EBX, 24, ANY },           /* clwb */
	{ 45, 0x80000008, 0, EBX, 0, ANY },   /* clzero */
	{ 46, 1, 0, ECX, 13, ANY },           /* cmpxchg16b */
	{ 47, 1, 0, EDX, 8, ANY },            /* cmpxchg8b */
	{ 48, 7, 0, ECX, 29, ANY },           /* enqcmd */
	{ 49, 1, 0, ECX, 29, AVX_STATE },     /* f16c */
	{ 50, 7, 0, EBX, 0, ANY },            /* fsgsbase */
	{ 51, 1, 0, EDX, 24, ANY },           /* fxsave */
	{ 52, 7, 0, EBX, 4, ANY },            /* hle */
	{ 53, 7, 0, EDX, 20, ANY },           /* ibt */
	{ 54, 0x80000001, 0, ECX, 0, ANY },   /* lahf_lm */
	{ 55, 0x80000001, 0, EDX, 29, ANY },  /* lm */
	{ 56, 0x80000001, 0, ECX, 15, ANY },  /* lwp */
	{ 57, 0x80000001, 0, ECX, 5, ANY },   /* lzcnt (the same bit as abm) */
	{ 58, 1, 0, ECX, 22, ANY },           /* movbe */
	{ 59, 7, 0, ECX, 28, ANY },           /* movdir64b */
	{ 60, 7, 0, ECX, 27, ANY },           /* movdiri */
	{ 61, 0x80000001, 0, ECX, 29, ANY },  /* mwaitx */
	{ 62, 1, 0, ECX, 27, ANY },           /* osxsave */
	{ 63, 7, 0, EDX, 18, ANY },           /* pconfig */
	{ 64, 7, 0, ECX, 3, ANY },            /* pku */
	{ 65, 7, 0, ECX, 0, ANY },            /* prefetchwt1 */
	{ 66, 0x80000001, 0, ECX, 8, ANY },   /* prfchw */
	{ 67, 0x14, 0, EBX, 4, ANY },         /* ptwrite */
	{ 68, 7, 0, ECX, 22, ANY },           /* rdpid */
	{ 69, 1, 0, ECX, 30, ANY },           /* rdrnd */
	{ 70, 7, 0, EBX, 18, ANY },           /* rdseed */
	{ 71, 7, 0, EBX, 11, ANY },           /* rtm */
	{ 72, 7, 0, EDX, 14, ANY },           /* serialize */
	{ 73, 7, 0, EBX, 2, ANY },            /* sgx */
	{ 74, 7, 0, EBX, 29, ANY },           /* sha */
	{ 75, 7, 0, ECX, 7, ANY },            /* shstk */
	{ 76, 0x80000001, 0, ECX, 21, ANY },  /* tbm */
	{ 77, 7, 0, EDX, 16, ANY },           /* tsxldtrk */
	{ 78, 7, 0, ECX, 9, AVX_STATE },      /* vaes */
	{ 79, 7, 0, ECX, 5, ANY },            /* waitpkg */
	{ 80, 0x80000008, 0, EBX, 9, ANY },   /* wbnoinvd */
	{ 81, 1, 0, ECX, 26, ANY },           /* xsave */
	{ 82, 0xd, 1, EAX, 1, ANY },          /* xsavec */
	{ 83, 0xd, 1, EAX, 0, ANY },          /* xsaveopt */
	{ 84, 0xd, 1, EAX, 3, ANY },          /* xsaves */
	{ 85, 7, 0, EDX, 24, AMX_STATE },     /* amx-tile */
	{ 86, 7, 0, EDX, 25, AMX_STATE },     /* amx-int8 */
	{ 87, 7, 0, EDX, 22, AMX_STATE },     /* amx-bf16 */
	{ 88, 7, 0, EDX, 5, ANY },            /* uintr */
	{ 89, 7, 1, EAX, 22, ANY },           /* hreset */
	{ 90, 7, 0, ECX, 23, ANY },           /* kl */
	{ 91, 0x19, 0, EBX, 0, ANY },         /* aeskle */
	{ 92, 0x19, 0, EBX, 2, ANY },         /* widekl */
	{ 93, 7, 1, EAX, 4, AVX_STATE },      /* avxvnni */
	{ 94, 7, 0, EDX, 23, AVX512_STATE },  /* avx512fp16 */
};

enum { F_X86_64 = 95, F_V2, F_V3, F_V4 };

/* The micro-architecture levels (x86-64-v2 ...) are sets of features. */
static const unsigned char level1[] = { 0, 1, 3, 4, 47, 51, 255 };
static const unsigned char level2[] = { 46, 54, 2, 5, 7, 8, 6, 255 };
static const unsigned char level3[] = { 9, 10, 16, 17, 49, 14, 57, 58, 62, 255 };
static const unsigned char level4[] = { 15, 21, 23, 22, 20, 255 };

static unsigned max_leaf, max_ext_leaf;

/* cpuid is allowed by LFI-x64 (base instruction set). Written out here
   rather than taken from gcc's <cpuid.h> so that only the C library's
   headers are needed. */
static void cpuid(unsigned leaf, unsigned subleaf, unsigned r[4])
{
	__asm__("cpuid" : "=a"(r[EAX]), "=b"(r[EBX]), "=c"(r[ECX]), "=d"(r[EDX])
	        : "a"(leaf), "c"(subleaf));
}

static unsigned cpuid_reg(unsigned leaf, unsigned subleaf, int reg)
{
	unsigned r[4] = { 0, 0, 0, 0 };
	unsigned max = leaf >= 0x80000000 ? max_ext_leaf : max_leaf;
	if (leaf > max)
		return 0;
	cpuid(leaf, subleaf, r);
	return r[reg];
}

/* Whether the kernel saves the registers a feature needs. libgcc reads
   XCR0 with xgetbv, which LFI-x64 does not allow (V2: the XSAVE
   family). cpuid leaf 0xd, subleaf 0, EBX is the size of the XSAVE area
   for the state components enabled in XCR0; in the standard layout
   the AVX upper halves end at byte 832, the AVX-512 state at 2688, the
   AMX tile data at 11008, so a large enough area means they are on.
   OSXSAVE says the kernel uses XSAVE at all. */
static int os_state(int os)
{
	static const unsigned need[] = { 0, 832, 2688, 11008 };
	if (os == ANY)
		return 1;
	if (!(cpuid_reg(1, 0, ECX) & 1u << 27))
		return 0;
	return cpuid_reg(0xd, 0, EBX) >= need[os];
}

static int has(int number)
{
	return number < 32 ? __cpu_model.features[0] >> number & 1
	                   : __cpu_features2[(number - 32) / 32] >> number % 32 & 1;
}

static void set(int number)
{
	if (number < 32)
		__cpu_model.features[0] |= 1u << number;
	else
		__cpu_features2[(number - 32) / 32] |= 1u << number % 32;
}

static int has_all(const unsigned char *list)
{
	for (; *list != 255; list++)
		if (!has(*list))
			return 0;
	return 1;
}

/* Runs as a constructor, like libgcc's (priority 101: before user
   constructors that may test features), and again harmlessly if called.
   Returns 0, or -1 without cpuid leaf 1. cpu_type and cpu_subtype are
   left 0: __builtin_cpu_is("intel") and ("amd") work, model names
   ("skylake", "znver3", ...) are never matched. */
__attribute__((constructor(101)))
int __cpu_indicator_init(void)
{
	unsigned r[4];

	if (__cpu_model.vendor)
		return 0;
	cpuid(0, 0, r);
	max_leaf = r[EAX];
	if (max_leaf < 1) {
		__cpu_model.vendor = VENDOR_OTHER;
		return -1;
	}
	/* "GenuineIntel", "AuthenticAMD" in EBX, EDX, ECX */
	if (r[EBX] == 0x756e6547 && r[EDX] == 0x49656e69 && r[ECX] == 0x6c65746e)
		__cpu_model.vendor = VENDOR_INTEL;
	else if (r[EBX] == 0x68747541 && r[EDX] == 0x69746e65 && r[ECX] == 0x444d4163)
		__cpu_model.vendor = VENDOR_AMD;
	else
		__cpu_model.vendor = VENDOR_OTHER;
	cpuid(0x80000000, 0, r);
	max_ext_leaf = r[EAX];

	for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) {
		const struct feature *f = &table[i];
		if (cpuid_reg(f->leaf, f->subleaf, f->reg) >> f->bit & 1 && os_state(f->os))
			set(f->number);
	}
	/* Leaf 7 subleaf 1 exists only if subleaf 0 says so (EAX >= 1). */
	if (cpuid_reg(7, 0, EAX) < 1) {
		__cpu_features2[0] &= ~(1u << (36 - 32));
		__cpu_features2[1] &= ~(1u << (89 - 64));
		__cpu_features2[1] &= ~(1u << (93 - 64));
	}
	if (has_all(level1)) {
		set(F_X86_64);
		if (has_all(level2)) {
			set(F_V2);
			if (has_all(level3)) {
				set(F_V3);
				if (has_all(level4))
					set(F_V4);
			}
		}
	}
	return 0;
}
