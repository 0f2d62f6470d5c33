/* __builtin_*_overflow are inline on x86-64 (checked anyway) */
int addo(__int128 a, __int128 b, __int128 *r) { return __builtin_add_overflow(a, b, r); }
int mulo(__int128 a, __int128 b, __int128 *r) { return __builtin_mul_overflow(a, b, r); }
int mulo64(long long a, long long b, long long *r) { return __builtin_mul_overflow(a, b, r); }
int mulou(unsigned __int128 a, __int128 b, __int128 *r) { return __builtin_mul_overflow(a, b, r); }
