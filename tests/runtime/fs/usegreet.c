/* Needs libgreet.so, found by ld-musl through LD_LIBRARY_PATH in the box. */
int greet(const char *);
int main(int argc, char **argv)
{
	return greet(argc > 1 ? argv[1] : "box") > 0 ? 0 : 1;
}
