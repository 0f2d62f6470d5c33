/* Thread-local variables in the default TLS model: with -fPIC gcc uses
 * general-dynamic (`data16 leaq x@tlsgd(%rip),%rdi; .byte 0x66; rex64;
 * call *__tls_get_addr@GOTPCREL(%rip)`) for visible variables and, from
 * -O1 on, local-dynamic (one `leaq x@tlsld(%rip),%rdi; call` per
 * function, then `x@dtpoff(%rax)` operands) for static ones; -O0 uses
 * general-dynamic for both. Without -fPIC (the host gcc's default -fPIE)
 * the same code is initial-/local-exec. */
__thread int tls_counter;
__thread long tls_table[16];
static __thread int tls_hits = 5;
static __thread char tls_name[32];
static __thread long tls_sum;

int tls_next(void) { return ++tls_counter + tls_hits++; }

long tls_add(int i, long v)
{
	tls_table[i & 15] += v;
	tls_sum += tls_table[i & 15];
	tls_name[i & 31] = (char)v;
	return tls_sum + tls_name[(i + 1) & 31];
}

int *tls_counter_address(void) { return &tls_counter; }
char *tls_name_address(int i) { return &tls_name[i & 31]; }

/* a compare whose result is used after the TLS call: the flags must not
 * be taken as live across it */
int tls_positive(int x)
{
	int r = x > 0;
	tls_hits += r;
	return r ? tls_counter : -tls_hits;
}
