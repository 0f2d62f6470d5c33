/* bit-counting builtins on 32-, 64- and 128-bit types, compiled without
   -mpopcnt/-mlzcnt/-mbmi (the LFI driver adds no -march). */
typedef unsigned __int128 uti;
int pc32(unsigned a) { return __builtin_popcount(a); }
int pc64(unsigned long long a) { return __builtin_popcountll(a); }
int pc128(uti a) { return __builtin_popcountll((unsigned long long)a) + __builtin_popcountll((unsigned long long)(a >> 64)); }
int par32(unsigned a) { return __builtin_parity(a); }
int par64(unsigned long long a) { return __builtin_parityll(a); }
int clz32(unsigned a) { return __builtin_clz(a); }
int clz64(unsigned long long a) { return __builtin_clzll(a); }
int ctz32(unsigned a) { return __builtin_ctz(a); }
int ctz64(unsigned long long a) { return __builtin_ctzll(a); }
int ffs32(int a) { return __builtin_ffs(a); }
int ffs64(long long a) { return __builtin_ffsll(a); }
int clrsb32(int a) { return __builtin_clrsb(a); }
int clrsb64(long long a) { return __builtin_clrsbll(a); }
unsigned short bs16(unsigned short a) { return __builtin_bswap16(a); }
unsigned bs32(unsigned a) { return __builtin_bswap32(a); }
unsigned long long bs64(unsigned long long a) { return __builtin_bswap64(a); }
uti bs128(uti a) { return __builtin_bswap128(a); }
