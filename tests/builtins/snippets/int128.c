/* __int128 division and modulo, signed and unsigned; 128-bit shifts
   and multiplication are inline on x86-64 but are kept here so a change
   in gcc shows up. */
typedef __int128 ti;
typedef unsigned __int128 uti;
ti sdiv(ti a, ti b) { return a / b; }
ti smod(ti a, ti b) { return a % b; }
uti udiv(uti a, uti b) { return a / b; }
uti umod(uti a, uti b) { return a % b; }
ti mul(ti a, ti b) { return a * b; }
ti shl(ti a, int n) { return a << n; }
ti sar(ti a, int n) { return a >> n; }
uti shr(uti a, int n) { return a >> n; }
uti udivmod(uti a, uti b, uti *r) { *r = a % b; return a / b; }
ti sdivmod(ti a, ti b, ti *r) { *r = a % b; return a / b; }
long long ll_div(long long a, long long b) { return a / b; }
int cmp(ti a, ti b) { return a < b; }
ti neg(ti a) { return -a; }
