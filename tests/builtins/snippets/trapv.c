/* -ftrapv arithmetic: compiled with -ftrapv by the tests. */
int adds(int a, int b) { return a + b; }
int subs(int a, int b) { return a - b; }
int muls(int a, int b) { return a * b; }
int negs(int a) { return -a; }
int abss(int a) { return a < 0 ? -a : a; }
long long addd(long long a, long long b) { return a + b; }
long long subd(long long a, long long b) { return a - b; }
long long muld(long long a, long long b) { return a * b; }
long long negd(long long a) { return -a; }
long long absd(long long a) { return a < 0 ? -a : a; }
__int128 addt(__int128 a, __int128 b) { return a + b; }
__int128 subt(__int128 a, __int128 b) { return a - b; }
__int128 mult(__int128 a, __int128 b) { return a * b; }
__int128 negt(__int128 a) { return -a; }
__int128 abst(__int128 a) { return a < 0 ? -a : a; }
