/* libthird.lfi.so: needed by libsecond-needs-third, never mapped (the
   transitive missing-dependency test of tests/sobox/files.sh). */
long third(long v)
{
	return v + 3;
}
