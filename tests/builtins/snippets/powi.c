float powif(float x, int n) { return __builtin_powif(x, n); }
double powi(double x, int n) { return __builtin_powi(x, n); }
long double powil(long double x, int n) { return __builtin_powil(x, n); }
