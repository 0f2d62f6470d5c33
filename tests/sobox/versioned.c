/* A library with symbol versions, built for LFI (and for the host as the
   "real" library): foo@V1 (old) and foo@@V2, bar@@V1, only_old@V1 with no
   default, plain unversioned, and two data objects. */
int foo_v1(int x) { return x + 100; }
__asm__(".symver foo_v1, foo@V1");
int foo(int x) { return x + 200; }
int bar(int x) { return x + 300; }
int only_old_v1(int x) { return x + 400; }
__asm__(".symver only_old_v1, only_old@V1");
int plain(int x) { return x + 500; }
int vers_data = 7;
_Thread_local int vers_tls = 8;
