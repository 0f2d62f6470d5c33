/* __int128 <-> float/double/long double, signed and unsigned; also the
   64-bit unsigned conversions (inline on x86-64, kept to catch changes). */
typedef __int128 ti;
typedef unsigned __int128 uti;
float ti_sf(ti a) { return a; }
double ti_df(ti a) { return a; }
long double ti_xf(ti a) { return a; }
float uti_sf(uti a) { return a; }
double uti_df(uti a) { return a; }
long double uti_xf(uti a) { return a; }
ti sf_ti(float a) { return a; }
ti df_ti(double a) { return a; }
ti xf_ti(long double a) { return a; }
uti sf_uti(float a) { return a; }
uti df_uti(double a) { return a; }
uti xf_uti(long double a) { return a; }
unsigned long long df_udi(double a) { return a; }
unsigned long long xf_udi(long double a) { return a; }
unsigned long long sf_udi(float a) { return a; }
double udi_df(unsigned long long a) { return a; }
float udi_sf(unsigned long long a) { return a; }
long double udi_xf(unsigned long long a) { return a; }
