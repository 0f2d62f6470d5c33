/* What libbuiltins.a leaves out on purpose (the tests' exclusion list):
   _Float16 conversions and 16-byte atomics (libatomic). */
_Float16 h_sf(float a) { return a; }
_Float16 h_df(double a) { return a; }
_Float16 h_xf(long double a) { return a; }
float sf_h(_Float16 a) { return a; }
double df_h(_Float16 a) { return a; }
long double xf_h(_Float16 a) { return a; }
_Float16 h_ti(__int128 a) { return a; }
__int128 ti_h(_Float16 a) { return a; }
_Float16 h_uti(unsigned __int128 a) { return a; }
unsigned __int128 uti_h(_Float16 a) { return a; }
__int128 xchg16(__int128 *p, __int128 v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
__int128 cas16(__int128 *p, __int128 v) { return __sync_val_compare_and_swap(p, v, 0); }
