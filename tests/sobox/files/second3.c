/* A libsecond that needs libthird.lfi.so (tests/sobox/files.sh). */
long third(long);
long second_twice(long v)
{
	return third(v) * 2;
}
