/* Box B: the same, for a callback of A to call into. */
long via_b(long (*cb)(void)) { return cb() + 100; }
long id_b(long x) { return x; }
