/* Box A: a function calling a host callback. */
long via_a(long (*cb)(void)) { return cb() + 1; }
long id_a(long x) { return x; }
