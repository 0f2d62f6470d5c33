/* libsecond.lfi.so (SONAME libsecond.lfi.so.1): a DT_NEEDED library of
   libfirst, given to sobox with -map (tests/sobox/files.sh). */
long second_twice(long v)
{
	return 2 * v + 1;
}
