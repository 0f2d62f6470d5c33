/* Thread-local variables in the initial-exec and local-exec models: gcc
 * (with -mno-tls-direct-seg-refs) reads the thread pointer from %fs:0 and
 * adds x@gottpoff or x@tpoff. The general- and local-dynamic models are
 * in tls-dynamic.c. */
__thread int counter __attribute__((tls_model("initial-exec")));
static __thread long local_total __attribute__((tls_model("local-exec")));
static __thread char buf[64] __attribute__((tls_model("local-exec")));

int next_id(void) { return ++counter; }

long add_total(long v)
{
	local_total += v;
	return local_total;
}

char *tls_buf(int i) { buf[i & 63] = (char)i; return &buf[i & 63]; }
