/*
 * Lua 5.4 through liblua5.4.box.so: a host program that drives a Lua
 * state in the box and gives Lua host C functions (registered callbacks).
 * A host function is called from inside the box and calls back into it
 * (lua_tointegerx, lua_pushinteger, lua_callk): nested calls
 * host -> box -> host -> box. Strings the box reads (scripts, global
 * names) are copied into the box first; out-parameters (lua_resume's
 * nres, lua_tolstring's len) are allocated there.
 * Prints PASS:/FAIL: sobox/realcode/lua/NAME lines.
 */
#include <stdio.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"
#include "lua5_4_box.h"

static void check(const char *name, int ok)
{
	printf("%s: sobox/realcode/lua/%s\n", ok ? "PASS" : "FAIL", name);
	fflush(stdout);
}

/* A string for the box: Lua reads it in there. */
#define S(s) lua5_4_box_strdup(s)

static long add_calls;

/* hadd(a, b): a + b, counting its calls. Reads its arguments and pushes
   its result through calls back into the box. */
static int host_add(lua_State *L)
{
	lua_Integer a = lua_tointegerx(L, 1, NULL), b = lua_tointegerx(L, 2, NULL);

	add_calls++;
	lua_pushinteger(L, a + b);
	return 1;
}

/* happly(f, x): f(x) + upvalue, calling the Lua function f from the host
   (host -> box -> host -> box, and deeper when f calls hadd). */
static int host_apply(lua_State *L)
{
	lua_Integer up = lua_tointegerx(L, lua_upvalueindex(1), NULL);

	lua_pushvalue(L, 1);
	lua_pushvalue(L, 2);
	lua_callk(L, 1, 1, 0, NULL);
	lua_pushinteger(L, lua_tointegerx(L, -1, NULL) + up);
	return 1;
}

/* hname(s): the length the host sees of a Lua string, read in place
   (a box pointer, checked before it is followed). */
static int host_len(lua_State *L)
{
	size_t *len = lua5_4_box_malloc(sizeof *len);
	const char *s = lua_tolstring(L, 1, len);
	long n = s && lua5_4_box_contains(s, *len + 1) && strlen(s) == *len ? (long)*len : -1;

	lua5_4_box_free(len);
	lua_pushinteger(L, n);
	return 1;
}

/* Run `code` (copied into the box) under lua_pcall; the status. */
static int run(lua_State *L, const char *code, int nresults)
{
	char *box = S(code);
	int rc = luaL_loadstring(L, box);

	lua5_4_box_free(box);
	return rc != LUA_OK ? rc : lua_pcallk(L, 0, nresults, 0, 0, NULL);
}

static void set_function(lua_State *L, const char *name, lua_CFunction host, int up)
{
	/* the box calls the host function through its registered address */
	lua_CFunction fn = (lua_CFunction)lua5_4_box_register_cb((void *)host);
	char *n = S(name);

	if (up)
		lua_pushinteger(L, up);
	lua_pushcclosure(L, fn, up ? 1 : 0);
	lua_setglobal(L, n);
	lua5_4_box_free(n);
}

static lua_Integer top_integer(lua_State *L)
{
	lua_Integer v = lua_tointegerx(L, -1, NULL);

	lua_settop(L, -2);
	return v;
}

int main(void)
{
	lua_State *L = luaL_newstate();
	int rc;

	check("newstate", L && lua5_4_box_contains(L, 1));
	if (!L)
		return 0;
	luaL_openlibs(L);
	set_function(L, "hadd", host_add, 0);
	set_function(L, "happly", host_apply, 1000);
	set_function(L, "hlen", host_len, 0);

	rc = run(L, "local s = 0 for i = 1, 20000 do s = hadd(s, i) end return s", 1);
	check("host-function-in-a-loop", rc == LUA_OK && top_integer(L) == 20000L * 20001 / 2 &&
	      add_calls == 20000);

	rc = run(L, "return happly(function(x) return hadd(x, x) * 3 end, 7) + "
		    "happly(function(x) return happly(function(y) return y + 1 end, x) end, 5)", 1);
	check("nested-host-box-host", rc == LUA_OK && top_integer(L) == 42 + 1000 + 1006 + 1000);

	rc = run(L, "return hlen('sandboxed string') + hlen(string.rep('x', 100000))", 1);
	check("box-strings-read-by-host", rc == LUA_OK && top_integer(L) == 16 + 100000);

	/* Lua code in the box computing something of its own */
	rc = run(L, "local t = {} for i = 1, 1000 do t[i] = string.format('%05d', i * 7) end "
		    "table.sort(t, function(a, b) return a > b end) "
		    "return tonumber(t[1]) + #table.concat(t)", 1);
	check("tables-strings-sort", rc == LUA_OK && top_integer(L) == 7000 + 5000);

	/* errors: a syntax error, a runtime error caught by lua_pcall (the
	   message is a box string), one caught by pcall inside the script */
	rc = run(L, "return 1 +", 1);
	check("syntax-error", rc == LUA_ERRSYNTAX);
	lua_settop(L, 0);
	rc = run(L, "local x = hadd(1, 2) error('boom ' .. x)", 0);
	const char *msg = rc == LUA_ERRRUN ? lua_tolstring(L, -1, NULL) : NULL;
	check("runtime-error-caught", msg && lua5_4_box_contains(msg, 1) &&
	      lua5_4_box_contains(msg, strlen(msg) + 1) && strstr(msg, "boom 3"));
	lua_settop(L, 0);
	rc = run(L, "local ok, e = pcall(function() hadd(1, 1) error({code = 17}) end) "
		    "return (not ok) and e.code", 1);
	check("pcall-in-script", rc == LUA_OK && top_integer(L) == 17);

	/* coroutines: inside the script, the body calling the host */
	rc = run(L, "local co = coroutine.wrap(function(n) for i = 1, n do "
		    "coroutine.yield(hadd(i, 100)) end return -1 end) "
		    "local s = 0 for i = 1, 5 do s = s + co(5) end return s + co()", 1);
	check("coroutine-in-script", rc == LUA_OK && top_integer(L) == 515 - 1);

	/* ... and driven by the host: lua_newthread, lua_resume (nres is an
	   out-parameter: in the box) */
	rc = run(L, "function gen(n) for i = 1, n do coroutine.yield(hadd(i, i)) end "
		    "return 99 end", 0);
	lua_State *co = lua_newthread(L);
	int *nres = lua5_4_box_malloc(sizeof *nres);
	char *gen = S("gen");
	lua_Integer sum = 0;
	int steps = 0;

	lua_getglobal(co, gen);
	lua_pushinteger(co, 4);
	while ((rc = lua_resume(co, L, steps ? 0 : 1, nres)) == LUA_YIELD) {
		sum += lua_tointegerx(co, -1, NULL);
		lua_settop(co, -1 - *nres);
		steps++;
	}
	check("coroutine-from-host", rc == LUA_OK && steps == 4 && sum == 20 &&
	      *nres == 1 && lua_tointegerx(co, -1, NULL) == 99);
	lua_settop(L, 0);

	/* standard library output from the box goes to our stdout */
	fflush(stdout);
	rc = run(L, "io.write('box says: ', hadd(40, 2), '\\n') io.stdout:flush()", 0);
	check("io-write-ran", rc == LUA_OK);

	/* an error raised in a Lua function the host called (lua_callk from
	   happly) unwinds the box's stack across the host's frame: a longjmp
	   across the boundary. The runtime must notice it; the script
	   prints what the state does afterwards. */
	rc = run(L, "return pcall(happly, function(x) error('across') end, 1)", LUA_MULTRET);
	printf("= across rc %d top %d\n", rc, lua_gettop(L));
	lua_settop(L, 0);
	rc = run(L, "return hadd(20, 22)", 1);
	printf("= after-across rc %d value %lld\n", rc, rc == LUA_OK ? (long long)top_integer(L) : -1LL);

	lua_close(L);
	check("close", 1);
	return 0;
}
