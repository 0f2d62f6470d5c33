/* Dense switch statements: gcc emits jump tables (absolute .quad entries
 * without -fPIC, .long differences with -fPIC). Computed goto too. */
int classify(int op, int a, int b)
{
	switch (op) {
	case 0: return a + b;
	case 1: return a - b;
	case 2: return a * b;
	case 3: return b ? a / b : 0;
	case 4: return a & b;
	case 5: return a | b;
	case 6: return a ^ b;
	case 7: return a << (b & 31);
	case 8: return a >> (b & 31);
	case 9: return -a;
	default: return 0;
	}
}

const char *name_of(unsigned k)
{
	switch (k) {
	case 10: return "ten";
	case 11: return "eleven";
	case 12: return "twelve";
	case 13: return "thirteen";
	case 14: return "fourteen";
	case 15: return "fifteen";
	case 16: return "sixteen";
	default: return "many";
	}
}

int interp(const unsigned char *code, int acc)
{
	static void *ops[] = { &&op_inc, &&op_dbl, &&op_neg, &&op_end };
	goto *ops[*code++];
op_inc:
	acc++;
	goto *ops[*code++];
op_dbl:
	acc *= 2;
	goto *ops[*code++];
op_neg:
	acc = -acc;
	goto *ops[*code++];
op_end:
	return acc;
}
