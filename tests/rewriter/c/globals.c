/* Globals and statics: absolute addressing without -fPIC, GOT loads with
 * -fPIC, extern calls (GOT calls with -fno-plt), the stack protector's
 * %fs: canary reads, and thread-local variables read through %fs:0. */
extern int ext_counter;
extern void ext_hook(int);
static int counter;
int shared_val = 7;

int bump_all(int k)
{
	counter += k;
	ext_counter += counter;
	shared_val ^= k;
	ext_hook(counter);
	return counter + ext_counter;
}

__attribute__((optimize("stack-protector-all")))
int guarded(const char *s)
{
	char buf[64];
	int i = 0;
	for (; s[i] && i < 63; i++)
		buf[i] = s[i];
	buf[i] = 0;
	return buf[0] + i;
}

int *addr_of_counter(void) { return &counter; }
